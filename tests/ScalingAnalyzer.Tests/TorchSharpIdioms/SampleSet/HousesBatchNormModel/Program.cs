using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Housing
{
    /// <summary>Normalizes its input itself: BatchNorm1d is its first layer.</summary>
    public sealed class PriceNet : Module<Tensor, Tensor>
    {
        private readonly BatchNorm1d _norm;
        private readonly Linear _hidden;
        private readonly Linear _output;

        public PriceNet(int features) : base(nameof(PriceNet))
        {
            _norm = BatchNorm1d(features);
            _hidden = Linear(features, 16);
            _output = Linear(16, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var x = _norm.forward(input);
            x = functional.relu(_hidden.forward(x));
            return _output.forward(x);
        }
    }

    public static class Program
    {
        public static void Main()
        {
            var data = File.ReadAllLines("Data/houses.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var x = torch.tensor(data.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
            var y = torch.tensor(data.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture) / 1e5f).ToArray()).reshape(-1, 1);
            var model = new PriceNet(3);
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
