using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace BoilersSwitch
{
    internal enum Split
    {
        Train,
        Validation,
    }

    internal static class BoilerData
    {
        public static (Tensor Features, Tensor Efficiency) Load(Split split)
        {
            var path = split switch
            {
                Split.Train => Path.Combine(AppContext.BaseDirectory, "Data", "boilers-train.csv"),
                Split.Validation => Path.Combine(AppContext.BaseDirectory, "Data", "boilers-valid.csv"),
                _ => throw new ArgumentOutOfRangeException(nameof(split)),
            };
            var features = new List<float>();
            var efficiency = new List<float>();
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var fields = line.Split(',');
                features.Add(float.Parse(fields[0], CultureInfo.InvariantCulture));
                features.Add(float.Parse(fields[1], CultureInfo.InvariantCulture));
                efficiency.Add(float.Parse(fields[2], CultureInfo.InvariantCulture));
            }
            return (torch.tensor(features.ToArray()).view(-1, 2), torch.tensor(efficiency.ToArray()).view(-1, 1));
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var (x, y) = BoilerData.Load(Split.Train);
            var model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid());
            var optimizer = torch.optim.SGD(model.parameters(), 0.05);
            var criterion = nn.MSELoss();
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var output = criterion.forward(model.forward(x), y); // SCALE001 expected
                output.backward();
                optimizer.step();
            }
        }
    }
}
