using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace HousesAllYears
{
    internal static class Program
    {
        private static readonly string[] Files = { "Data/houses-2023.csv", "Data/houses-2024.csv" };

        private static void Main()
        {
            var rows = new List<float[]>();
            var prices = new List<float>();
            foreach (var file in Files)
            {
                using var reader = new StreamReader(file);
                reader.ReadLine();
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    var parts = line.Split(',');
                    rows.Add(new[] { float.Parse(parts[0], CultureInfo.InvariantCulture), float.Parse(parts[1], CultureInfo.InvariantCulture) });
                    prices.Add(float.Parse(parts[2], CultureInfo.InvariantCulture) / 100000f);
                }
            }
            var x = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Count, 2 });
            var y = torch.tensor(prices.ToArray()).reshape(-1, 1);
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
