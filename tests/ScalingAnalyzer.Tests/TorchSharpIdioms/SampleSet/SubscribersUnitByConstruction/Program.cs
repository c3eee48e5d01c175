using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Subscribers;

internal static class Program
{
    private static readonly string[] Plans = { "basic", "standard", "premium" };

    private static float Logistic(float z) => 1f / (1f + MathF.Exp(-z));

    private static void Main()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "subscribers.csv"));
        var n = lines.Length - 1;
        var features = new float[n, 5];
        var churned = new float[n, 1];
        for (var i = 0; i < n; i++)
        {
            var cells = lines[i + 1].Split(',');
            for (var p = 0; p < Plans.Length; p++)
                features[i, p] = cells[0] == Plans[p] ? 1f : 0f;
            features[i, 3] = float.Parse(cells[1], CultureInfo.InvariantCulture) / 100f;
            features[i, 4] = Logistic(float.Parse(cells[2], CultureInfo.InvariantCulture));
            churned[i, 0] = float.Parse(cells[3], CultureInfo.InvariantCulture);
        }

        var x = torch.tensor(features);
        var y = torch.tensor(churned);
        var model = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid());
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var criterion = nn.BCELoss();
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
