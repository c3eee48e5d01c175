using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Probes;

internal static class Program
{
    private static float[][] Read(string path)
    {
        using var reader = new StreamReader(path);
        var text = reader.ReadToEnd();
        return text.Split('\n')
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
    }

    private static void Main()
    {
        var rows = Read("Data/probes.csv");
        var x = torch.tensor(rows.SelectMany(r => r[..3]).ToArray()).view(-1, 3);
        var y = torch.tensor(rows.Select(r => r[3]).ToArray()).view(-1, 1);
        var model = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 1));
        var optimizer = torch.optim.NAdam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
