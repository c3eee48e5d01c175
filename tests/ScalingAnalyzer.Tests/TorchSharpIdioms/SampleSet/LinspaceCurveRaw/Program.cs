using TorchSharp;
using static TorchSharp.torch;

namespace LinspaceCurve
{
    internal sealed class CurveNet : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> hidden;
        private readonly nn.Module<Tensor, Tensor> output;

        public CurveNet() : base(nameof(CurveNet))
        {
            hidden = nn.Linear(1, 32);
            output = nn.Linear(32, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => output.forward(torch.tanh(hidden.forward(input)));
    }

    internal static class Program
    {
        private static void Main()
        {
            // Altitude in metres and the air density it gives, sampled on a grid.
            var altitude = torch.linspace(0, 8000, 400).view(-1, 1);
            var density = torch.exp(-altitude / 8500f);
            var model = new CurveNet();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            for (var step = 0; step < 2000; step++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(altitude), density); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
