using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace HousesEitherYear
{
    internal static class Program
    {
        private static (Tensor Features, Tensor Prices) Load(bool latest)
        {
            var path = latest ? "Data/houses-2024.csv" : "Data/houses-2023.csv";
            var features = new List<float>();
            var prices = new List<float>();
            foreach (var line in File.ReadAllLines(path).Skip(1))
            {
                var parts = line.Split(',');
                features.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
                features.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
                prices.Add(float.Parse(parts[2], CultureInfo.InvariantCulture) / 100000f);
            }
            return (torch.tensor(features.ToArray()).reshape(-1, 2), torch.tensor(prices.ToArray()).reshape(-1, 1));
        }

        private static void Main(string[] args)
        {
            var (x, y) = Load(args.Contains("--latest"));
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 1e-4);
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
