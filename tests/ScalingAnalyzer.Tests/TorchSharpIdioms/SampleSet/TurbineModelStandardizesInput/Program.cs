using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Turbine
{
    /// <summary>Standardizes each batch itself before its first layer.</summary>
    public sealed class PowerCurve : Module<Tensor, Tensor>
    {
        private readonly Linear _hidden;
        private readonly Linear _output;

        public PowerCurve() : base(nameof(PowerCurve))
        {
            _hidden = Linear(3, 16);
            _output = Linear(16, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var normalized = (input - input.mean(new long[] { 0 }, keepdim: true)) / input.std(0, keepdim: true);
            return _output.forward(functional.relu(_hidden.forward(normalized)));
        }
    }

    public static class Program
    {
        public static void Main()
        {
            var rows = File.ReadAllLines("Data/turbine.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
            var y = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture) / 2000f).ToArray()).reshape(-1, 1);
            var model = new PowerCurve();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
