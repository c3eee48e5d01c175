using TorchSharp;
using static TorchSharp.torch;

namespace ReadingsShortLoop
{
    internal static class Program
    {
        private const int Total = 400;
        private const int Calibrated = 300;

        private static void Main()
        {
            var random = new Random(3);
            var pressure = new float[Total];
            for (var i = 0; i < Total; i++)
                pressure[i] = 950f + (float)random.NextDouble() * 100f;

            // Only the calibrated sensors' readings are brought to unit scale; the rest keep hPa.
            for (var i = 0; i < Calibrated; i++)
                pressure[i] = (pressure[i] - 950f) / 100f;

            var x = torch.tensor(pressure).reshape(-1, 1);
            var y = torch.rand(Total, 1);
            var model = nn.Linear(1, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
