using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SavedStats
{
    internal static class Program
    {
        // Statistics of the training data, computed once offline and kept with the model.
        private static readonly float[] Means = { 2400f, 45f };
        private static readonly float[] Stds = { 1000f, 25f };

        private static void Main()
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv")).Skip(1).ToArray();
            var features = new float[lines.Length, 2];
            var target = new float[lines.Length, 1];
            for (var i = 0; i < lines.Length; i++)
            {
                var parts = lines[i].Split(',');
                for (var j = 0; j < 2; j++)
                    features[i, j] = (float.Parse(parts[j], CultureInfo.InvariantCulture) - Means[j]) / Stds[j];
                target[i, 0] = float.Parse(parts[2], CultureInfo.InvariantCulture);
            }
            var x = torch.tensor(features);
            var y = torch.tensor(target);
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
