using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Flats;

internal sealed record Flat(float Area, float YearBuilt, float PriceMillions);

internal static class Program
{
    private static void Main()
    {
        var flats = File.ReadAllLines("Data/flats.csv")
            .Skip(1)
            .Select(l => l.Split(','))
            .Select(p => new Flat(
                float.Parse(p[0], CultureInfo.InvariantCulture),
                float.Parse(p[1], CultureInfo.InvariantCulture),
                float.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();

        var minArea = flats.Min(f => f.Area);
        var maxArea = flats.Max(f => f.Area);
        var minYear = flats.Min(f => f.YearBuilt);
        var maxYear = flats.Max(f => f.YearBuilt);
        var features = flats
            .SelectMany(f => new[] { (f.Area - minArea) / (maxArea - minArea), (f.YearBuilt - minYear) / (maxYear - minYear) })
            .ToArray();

        var x = torch.tensor(features).reshape(flats.Count, 2);
        var y = torch.tensor(flats.Select(f => f.PriceMillions).ToArray()).reshape(-1, 1);
        var model = nn.Sequential(nn.Linear(2, 6), nn.ReLU(), nn.Linear(6, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 400; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
