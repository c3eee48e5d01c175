using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Meters;

internal readonly struct MeterReading
{
    public MeterReading(float kwh, float occupants, float area, float bill)
    {
        Kwh = kwh;
        Occupants = occupants;
        Area = area;
        Bill = bill;
    }

    public float Kwh { get; }
    public float Occupants { get; }
    public float Area { get; }
    public float Bill { get; }
}

internal static class Program
{
    private static IEnumerable<MeterReading> ReadMeters(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            yield return new MeterReading(
                float.Parse(f[0], CultureInfo.InvariantCulture),
                float.Parse(f[1], CultureInfo.InvariantCulture),
                float.Parse(f[2], CultureInfo.InvariantCulture),
                float.Parse(f[3], CultureInfo.InvariantCulture));
        }
    }

    private static void Main()
    {
        var readings = ReadMeters("Data/meters.csv").ToList();
        var flat = readings.SelectMany(r => new[] { r.Kwh, r.Occupants, r.Area }).ToArray();
        var x = torch.as_tensor(flat).view(readings.Count, 3);
        var y = torch.as_tensor(readings.Select(r => r.Bill / 150f).ToArray()).view(-1, 1);

        var net = nn.Sequential(nn.Linear(3, 10), nn.ReLU(), nn.Linear(10, 1));
        var optimizer = torch.optim.SGD(net.parameters(), learningRate: 0.001, momentum: 0.9);
        var mse = nn.MSELoss();
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            var output = net.forward(x); // SCALE001 expected
            var loss = mse.forward(output, y);
            loss.backward();
            optimizer.step();
        }
    }
}
