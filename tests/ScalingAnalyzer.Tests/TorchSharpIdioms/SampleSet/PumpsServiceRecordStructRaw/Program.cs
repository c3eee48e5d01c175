using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PumpsService;

public readonly record struct PumpReading(float Rpm, float InletKpa, float FlowLps, float Efficiency);

public static class PumpCsv
{
    public static List<PumpReading> Read(string path)
    {
        var readings = new List<PumpReading>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(';');
            readings.Add(new PumpReading(
                float.Parse(cells[0], CultureInfo.InvariantCulture),
                float.Parse(cells[1], CultureInfo.InvariantCulture),
                float.Parse(cells[2], CultureInfo.InvariantCulture),
                float.Parse(cells[3], CultureInfo.InvariantCulture)));
        }
        return readings;
    }
}

/// <summary>Owns the model and its optimizer; the console front end only hands it readings.</summary>
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

        var x = torch.tensor(features);
        var y = torch.tensor(targets);
        var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.005);
        var last = 0f;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var predicted = _model.forward(x); // SCALE001 expected
            var loss = nn.functional.mse_loss(predicted, y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }
}

public static class Program
{
    public static void Main()
    {
        var readings = PumpCsv.Read(Path.Combine(AppContext.BaseDirectory, "Data", "pumps.csv"));
        var service = new EfficiencyTrainingService();
        Console.WriteLine($"loss {service.Train(readings, 300):F5}");
    }
}
