using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ApartmentsHuber
{
    internal sealed record Apartment(float Rooms, float FloorRatio, float Price);

    internal static class Program
    {
        private static List<Apartment> Load(string path)
            => File.ReadLines(path)
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(p => new Apartment(
                    float.Parse(p[0], CultureInfo.InvariantCulture),
                    float.Parse(p[1], CultureInfo.InvariantCulture),
                    float.Parse(p[2], CultureInfo.InvariantCulture)))
                .ToList();

        private static void Main()
        {
            var apartments = Load(Path.Combine(AppContext.BaseDirectory, "Data", "apartments.csv"));
            var x = torch.tensor(apartments.SelectMany(a => new[] { a.Rooms / 6f, a.FloorRatio }).ToArray()).reshape(-1, 2);
            var y = torch.tensor(apartments.Select(a => a.Price).ToArray()).reshape(-1, 1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = nn.HuberLoss();
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y); // SCALE003 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
