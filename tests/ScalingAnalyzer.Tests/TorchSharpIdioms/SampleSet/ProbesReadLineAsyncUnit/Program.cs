using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbesAsync;

internal static class Program
{
    private static async Task<List<float[]>> ReadRowsAsync(string path)
    {
        var rows = new List<float[]>();
        using var reader = File.OpenText(path);
        _ = await reader.ReadLineAsync();
        while (!reader.EndOfStream)
        {
            var line = await reader.ReadLineAsync();
            if (string.IsNullOrWhiteSpace(line))
                continue;
            rows.Add(line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        return rows;
    }

    private static async Task Main()
    {
        var rows = await ReadRowsAsync("Data/probes.csv");
        var x = torch.tensor(rows.SelectMany(r => r.Take(3)).ToArray()).reshape(-1, 3);
        var y = torch.tensor(rows.Select(r => r[3]).ToArray()).reshape(-1, 1);
        var model = nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 120; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
