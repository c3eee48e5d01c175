using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Houses;

internal static class Program
{
    private static async Task Main()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv"));
        var table = lines.Skip(1).Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var x = torch.tensor(table.SelectMany(r => r.Take(3)).ToArray()).reshape(-1, 3);
        var y = torch.tensor(table.Select(r => r[3]).ToArray()).reshape(-1, 1);

        var model = nn.Linear(3, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
        var criterion = nn.MSELoss();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var prediction = model.forward(x);
            var loss = criterion.forward(prediction, y); // SCALE003 expected
            loss.backward();
            optimizer.step();
        }
    }
}
