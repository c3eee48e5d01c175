using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Stations;

internal static class Program
{
    private static Tensor ReadFeatures(string file, out Tensor rain)
    {
        var parsed = File.ReadLines(file)
            .Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (Pressure: double.Parse(p[0], CultureInfo.InvariantCulture), Wind: double.Parse(p[1], CultureInfo.InvariantCulture), Rain: double.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();
        rain = torch.tensor(parsed.Select(r => (float)r.Rain).ToArray()).unsqueeze(1);
        return torch.tensor(parsed.SelectMany(r => new[] { (float)r.Pressure, (float)r.Wind }).ToArray()).reshape(-1, 2);
    }

    private static void Main()
    {
        foreach (var file in new[] { "Data/station-a.csv", "Data/station-b.csv" })
        {
            var features = ReadFeatures(file, out var rain);
            var model = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 1), nn.Sigmoid());
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy(model.forward(features), rain); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
