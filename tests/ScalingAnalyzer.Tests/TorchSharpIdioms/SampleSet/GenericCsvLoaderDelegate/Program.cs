using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace LaptopPrices
{
    internal sealed record Laptop(float RamGb, float StorageGb, float WeightKg, float PriceThousands);

    internal static class Csv
    {
        public static List<T> Load<T>(string path, Func<string[], T> parse, bool hasHeader = true)
        {
            var items = new List<T>();
            foreach (var line in File.ReadLines(path).Skip(hasHeader ? 1 : 0))
                items.Add(parse(line.Split(',')));
            return items;
        }
    }

    internal static class Program
    {
        private static float F(string text) => float.Parse(text, CultureInfo.InvariantCulture);

        private static void Main()
        {
            var laptops = Csv.Load(Path.Combine(AppContext.BaseDirectory, "Data", "laptops.csv"), p => new Laptop(F(p[0]), F(p[1]), F(p[2]), F(p[3])));
            var x = torch.tensor(laptops.SelectMany(l => new[] { l.RamGb, l.StorageGb, l.WeightKg }).ToArray()).reshape(laptops.Count, 3);
            var y = torch.tensor(laptops.Select(l => l.PriceThousands).ToArray()).reshape(-1, 1);
            var model = nn.Linear(3, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 1e-3);
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
