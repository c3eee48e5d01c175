using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Grid;

internal static class Program
{
    private static readonly string[] Regions = { "north", "south" };

    private static (Tensor Inputs, Tensor Next) LoadRegion(string path)
    {
        var rows = File.ReadAllLines(path)
            .Skip(1)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var inputs = torch.tensor(rows.SelectMany(r => r.Take(2)).ToArray()).reshape(-1, 2);
        var next = torch.tensor(rows.Select(r => r[2] / 1500f).ToArray()).reshape(-1, 1);
        return (inputs, next);
    }

    private static void Main()
    {
        foreach (var region in Regions)
        {
            var (inputs, next) = LoadRegion(Path.Combine("Data", region + ".csv"));
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(inputs), next); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"{region}: trained");
        }
    }
}
