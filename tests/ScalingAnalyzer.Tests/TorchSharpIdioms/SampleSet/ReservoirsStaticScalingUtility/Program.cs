using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Reservoirs;

/// <summary>Known physical ranges of the gauges, used when training and when forecasting.</summary>
internal static class GaugeScaling
{
    public static float[] ToUnit(float[] values, float min, float max)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = (values[i] - min) / (max - min);
        return result;
    }
}

internal static class Program
{
    private static void Main()
    {
        var rows = File.ReadAllLines(Path.Combine("Data", "reservoirs.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var level = GaugeScaling.ToUnit(rows.Select(r => r[0]).ToArray(), 380f, 430f);
        var inflow = GaugeScaling.ToUnit(rows.Select(r => r[1]).ToArray(), 0f, 150f);
        var evaporation = GaugeScaling.ToUnit(rows.Select(r => r[2]).ToArray(), 0f, 10f);

        var x = torch.stack(new[] { torch.tensor(level), torch.tensor(inflow), torch.tensor(evaporation) }, 1);
        var y = torch.tensor(rows.Select(r => r[3]).ToArray()).unsqueeze(-1);
        var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 250; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }

        var forecastInput = torch.tensor(new[]
        {
            GaugeScaling.ToUnit(new[] { 410f }, 380f, 430f)[0],
            GaugeScaling.ToUnit(new[] { 70f }, 0f, 150f)[0],
            GaugeScaling.ToUnit(new[] { 5f }, 0f, 10f)[0],
        }).unsqueeze(0);
        using (torch.no_grad())
            Console.WriteLine(model.forward(forecastInput).item<float>());
    }
}
