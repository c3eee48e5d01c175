using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

internal struct GreenhouseSample
{
    public float Light;
    public float Humidity;
    public float Co2;
    public float Growth;
}

internal static class Program
{
    private static GreenhouseSample[] Read(string path)
        => File.ReadAllLines(path)
            .Skip(1)
            .Select(line => line.Split(';'))
            .Select(p => new GreenhouseSample
            {
                Light = float.Parse(p[0], CultureInfo.InvariantCulture),
                Humidity = float.Parse(p[1], CultureInfo.InvariantCulture),
                Co2 = float.Parse(p[2], CultureInfo.InvariantCulture),
                Growth = float.Parse(p[3], CultureInfo.InvariantCulture),
            })
            .ToArray();

    private static void Main()
    {
        var samples = Read(Path.Combine("Data", "greenhouses.csv"));
        var x = torch.tensor(samples.SelectMany(s => new[] { s.Light, s.Humidity, s.Co2 }).ToArray()).view(-1, 3);
        var y = torch.tensor(samples.Select(s => s.Growth).ToArray()).view(-1, 1);

        var model = nn.Sequential(nn.Linear(3, 6), nn.Tanh(), nn.Linear(6, 1));
        var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.005);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            using var _ = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
