using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Housing
{
    /// <summary>Reads houses.csv into features in thousands of square feet, bedrooms / 5 and age / 100, and price in millions.</summary>
    public sealed class HouseCsv
    {
        private readonly string _file;

        public HouseCsv(string file) => _file = file;

        public (Tensor X, Tensor Y) Read()
        {
            var x = new List<float>();
            var y = new List<float>();
            foreach (var line in File.ReadLines(_file).Skip(1))
            {
                var p = line.Split(',');
                x.Add(float.Parse(p[0], CultureInfo.InvariantCulture) / 1000f);
                x.Add(float.Parse(p[1], CultureInfo.InvariantCulture) / 5f);
                x.Add(float.Parse(p[2], CultureInfo.InvariantCulture) / 100f);
                y.Add(float.Parse(p[3], CultureInfo.InvariantCulture) / 1_000_000f);
            }
            return (torch.tensor(x.ToArray()).reshape(-1, 3), torch.tensor(y.ToArray()).reshape(-1, 1));
        }
    }

    public static class Program
    {
        public static void Main()
        {
            var (x, y) = new HouseCsv("Data/houses.csv").Read();
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
