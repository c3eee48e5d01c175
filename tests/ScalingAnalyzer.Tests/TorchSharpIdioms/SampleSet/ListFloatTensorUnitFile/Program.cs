using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoresUnit
{
    internal static class Program
    {
        private static void Main()
        {
            var features = new List<float>();
            var passed = new List<long>();
            using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Data", "scores.csv")))
            {
                reader.ReadLine();
                while (!reader.EndOfStream)
                {
                    var parts = reader.ReadLine()!.Split(',');
                    features.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
                    features.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
                    features.Add(float.Parse(parts[2], CultureInfo.InvariantCulture));
                    passed.Add(long.Parse(parts[3], CultureInfo.InvariantCulture));
                }
            }
            var x = torch.tensor(features).view(-1, 3);
            var y = torch.tensor(passed);
            var model = nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 2));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = nn.CrossEntropyLoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
