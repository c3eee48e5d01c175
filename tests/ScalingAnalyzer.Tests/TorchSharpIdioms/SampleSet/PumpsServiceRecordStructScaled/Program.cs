using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PumpsServiceScaled;

public readonly record struct PumpReading(float Rpm, float InletKpa, float FlowLps, float Efficiency);

/// <summary>Column statistics shared by training and by the prediction screen.</summary>
public static class FeatureScaling
{
    public static float[,] Standardize(float[,] table)
    {
        var rows = table.GetLength(0);
        var columns = table.GetLength(1);
        var result = new float[rows, columns];
        for (var j = 0; j < columns; j++)
        {
            var mean = 0f;
            for (var i = 0; i < rows; i++)
                mean += table[i, j];
            mean /= rows;
            var variance = 0f;
            for (var i = 0; i < rows; i++)
                variance += (table[i, j] - mean) * (table[i, j] - mean);
            var std = MathF.Sqrt(variance / rows) + 1e-6f;
            for (var i = 0; i < rows; i++)
                result[i, j] = (table[i, j] - mean) / std;
        }
        return result;
    }
}

public sealed class EfficiencyTrainingService
{
    private readonly Sequential _model = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1));

    public float Train(IReadOnlyList<PumpReading> readings, int epochs)
    {
        var features = new float[readings.Count, 3];
        var targets = new float[readings.Count, 1];
        for (var i = 0; i < readings.Count; i++)
        {
            features[i, 0] = readings[i].Rpm;
            features[i, 1] = readings[i].InletKpa;
            features[i, 2] = readings[i].FlowLps;
            targets[i, 0] = readings[i].Efficiency;
        }

        var x = torch.tensor(FeatureScaling.Standardize(features));
        var y = torch.tensor(targets);
        var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.005);
        var last = 0f;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(_model.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }

    public float[,] PrepareForScreen(float[,] raw) => FeatureScaling.Standardize(raw);
}

public static class Program
{
    public static void Main()
    {
        var readings = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "pumps.csv"))
            .Skip(1)
            .Select(line => line.Split(';'))
            .Select(c => new PumpReading(
                float.Parse(c[0], CultureInfo.InvariantCulture),
                float.Parse(c[1], CultureInfo.InvariantCulture),
                float.Parse(c[2], CultureInfo.InvariantCulture),
                float.Parse(c[3], CultureInfo.InvariantCulture)))
            .ToList();
        var service = new EfficiencyTrainingService();
        Console.WriteLine($"loss {service.Train(readings, 300):F5}");
    }
}
