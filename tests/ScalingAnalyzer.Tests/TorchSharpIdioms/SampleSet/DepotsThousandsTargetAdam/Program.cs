using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Depots;

public static class Program
{
    public static void Main()
    {
        var features = new List<float>();
        var costs = new List<float>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "depots.csv")).Skip(1))
        {
            var cells = line.Split(',');
            features.Add(float.Parse(cells[0], CultureInfo.InvariantCulture));
            features.Add(float.Parse(cells[1], CultureInfo.InvariantCulture));
            features.Add(float.Parse(cells[2], CultureInfo.InvariantCulture));
            costs.Add(float.Parse(cells[3], CultureInfo.InvariantCulture));
        }

        var x = torch.tensor(features.ToArray()).reshape(-1, 3);
        x = (x - x.mean(new long[] { 0 })) / x.std(0);
        var y = torch.tensor(costs.ToArray()).reshape(-1, 1);

        var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE003 expected
            loss.backward();
            optimizer.step();
        }
    }
}
