using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace RainSites
{
    internal static class Program
    {
        private static void Main()
        {
            // Humidity and cloud cover are fractions already; both sites' logs are read into one training set.
            var sites = new[] { "Data/site-a.csv", "Data/site-b.csv" };
            var features = new List<float>();
            var labels = new List<long>();
            foreach (var site in sites)
            {
                foreach (var line in File.ReadLines(site).Skip(1))
                {
                    var parts = line.Split(',');
                    features.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
                    features.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
                    labels.Add(long.Parse(parts[2], CultureInfo.InvariantCulture));
                }
            }
            var x = torch.tensor(features.ToArray()).reshape(-1, 2);
            var y = torch.tensor(labels.ToArray());
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = nn.CrossEntropyLoss();
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
