using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Taxis
{
    public sealed class FareModel : Module<Tensor, Tensor>
    {
        private readonly Sequential _layers = Sequential(
            ("norm", BatchNorm1d(4)),
            ("fc1", Linear(4, 16)),
            ("relu", ReLU()),
            ("fc2", Linear(16, 1)));

        public FareModel() : base(nameof(FareModel)) => RegisterComponents();

        public override Tensor forward(Tensor input) => _layers.forward(input);
    }

    public static class Program
    {
        public static void Main()
        {
            var rows = File.ReadAllLines("Data/trips.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Take(4)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray(), new long[] { rows.Length, 4 });
            var y = torch.tensor(rows.Select(r => float.Parse(r[4], CultureInfo.InvariantCulture)).ToArray()).unsqueeze(1);
            var model = new FareModel();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                model.train();
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
