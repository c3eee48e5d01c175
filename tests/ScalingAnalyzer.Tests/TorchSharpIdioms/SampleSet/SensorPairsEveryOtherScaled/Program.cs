using TorchSharp;
using static TorchSharp.torch;

namespace SensorPairs
{
    internal static class Program
    {
        private static void Main()
        {
            // Readings interleaved as (pressure, temperature) pairs from a simulated station.
            var random = new Random(3);
            const int samples = 256;
            var readings = new float[samples * 2];
            var targets = new float[samples];
            for (var n = 0; n < samples; n++)
            {
                readings[2 * n] = 950f + 100f * (float)random.NextDouble();
                readings[2 * n + 1] = -10f + 45f * (float)random.NextDouble();
                targets[n] = (float)random.NextDouble();
            }
            // Only the pressures (even positions) are brought down; the temperatures stay at -10..35.
            for (var i = 0; i < readings.Length; i += 2)
                readings[i] /= 1050f;

            var x = torch.tensor(readings).reshape(samples, 2);
            var y = torch.tensor(targets).reshape(samples, 1);
            var model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var prediction = model.forward(x); // SCALE001 expected
                var loss = nn.functional.mse_loss(prediction, y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
