using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace HomesTuples
{
    internal static class Program
    {
        private static List<(float Size, float Age, float Price)> Read(string path)
        {
            var homes = new List<(float Size, float Age, float Price)>();
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var v = line.Split(',');
                homes.Add((float.Parse(v[0], CultureInfo.InvariantCulture), float.Parse(v[1], CultureInfo.InvariantCulture), float.Parse(v[2], CultureInfo.InvariantCulture)));
            }
            return homes;
        }

        private static void Main()
        {
            var homes = Read(Path.Combine(AppContext.BaseDirectory, "Data", "homes.csv"));
            var features = new float[homes.Count * 2];
            var prices = new float[homes.Count];
            var k = 0;
            foreach (var (size, age, price) in homes)
            {
                features[2 * k] = size;
                features[2 * k + 1] = age;
                prices[k] = price;
                k++;
            }
            var x = torch.tensor(features).reshape(-1, 2);
            var y = torch.tensor(prices).reshape(-1, 1);
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
