using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Boreholes;

internal static class BoreholeData
{
    public static (float[][] Features, float[] Yield) Load(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (rows.Select(r => r[..3]).ToArray(), rows.Select(r => r[3]).ToArray());
    }
}

internal static class YieldTrainer
{
    public static void Fit(float[][] features, float[] yields, int epochs)
    {
        var x = torch.tensor(features.SelectMany(r => r).ToArray(), new long[] { features.Length, 3 });
        var y = torch.tensor(yields).unsqueeze(1);
        var model = nn.Sequential(nn.Linear(3, 10), nn.ReLU(), nn.Linear(10, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}

internal static class Program
{
    private static void Main()
    {
        var (features, yields) = BoreholeData.Load(Path.Combine("Data", "boreholes.csv"));
        YieldTrainer.Fit(features, yields, 400);
    }
}
