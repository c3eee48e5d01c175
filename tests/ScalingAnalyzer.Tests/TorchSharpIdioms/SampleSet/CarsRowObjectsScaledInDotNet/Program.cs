using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Cars
{
    internal sealed class CarRow
    {
        public float Horsepower { get; set; }
        public float Weight { get; set; }
        public float Acceleration { get; set; }
        public float Mpg { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = new List<CarRow>();
            foreach (var line in File.ReadLines("Data/cars.csv").Skip(1))
            {
                var p = line.Split(',');
                rows.Add(new CarRow
                {
                    // Brought to about unit scale with fixed divisors.
                    Horsepower = float.Parse(p[0], CultureInfo.InvariantCulture) / 200f,
                    Weight = float.Parse(p[1], CultureInfo.InvariantCulture) / 5000f,
                    Acceleration = float.Parse(p[2], CultureInfo.InvariantCulture) / 25f,
                    Mpg = float.Parse(p[3], CultureInfo.InvariantCulture) / 50f,
                });
            }

            var x = torch.tensor(rows.SelectMany(r => new[] { r.Horsepower, r.Weight, r.Acceleration }).ToArray()).reshape(-1, 3);
            var y = torch.tensor(rows.Select(r => r.Mpg).ToArray()).reshape(-1, 1);
            var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
