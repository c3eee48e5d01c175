using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pumps
{
    public sealed class EfficiencyTrainer
    {
        private readonly Sequential _model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
        private readonly MSELoss _loss = MSELoss();

        public void Fit(Tensor features, Tensor efficiency, int epochs)
        {
            var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                _model.train();
                optimizer.zero_grad();
                var loss = _loss.forward(_model.forward(features), efficiency);
                loss.backward();
                optimizer.step();
            }
        }
    }

    public static class Program
    {
        public static void Main()
        {
            var rows = File.ReadAllLines("Data/pumps.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
            var y = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
            var trainer = new EfficiencyTrainer();
            trainer.Fit(x, y, 300); // SCALE001 expected
        }
    }
}
