using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace PumpRecords
{
    internal sealed record Sample(float[] Features, float Efficiency);

    internal static class Program
    {
        private static void Main()
        {
            var samples = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "pumps.csv"))
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(parts => new Sample(parts[..3].Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray(), float.Parse(parts[3], CultureInfo.InvariantCulture)))
                .ToList();
            var x = torch.tensor(samples.SelectMany(s => s.Features).ToArray(), new long[] { samples.Count, 3 });
            var y = torch.tensor(samples.Select(s => s.Efficiency).ToArray(), new long[] { samples.Count, 1 });
            var model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.001);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
