using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace UnitData;

internal static class Program
{
    private static readonly char[] Separators = { ',', ';' };

    private static void Main()
    {
        var features = new List<float>();
        var targets = new List<float>();
        foreach (var line in File.ReadLines("Data/scaled.csv").Skip(1))
        {
            var parts = line.Split(Separators, StringSplitOptions.TrimEntries);
            features.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
            features.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
            features.Add(float.Parse(parts[2], CultureInfo.InvariantCulture));
            targets.Add(float.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        var x = torch.tensor(features.ToArray()).reshape(-1, 3);
        var y = torch.tensor(targets.ToArray()).reshape(-1, 1);
        var model = Linear(3, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            var loss = functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
