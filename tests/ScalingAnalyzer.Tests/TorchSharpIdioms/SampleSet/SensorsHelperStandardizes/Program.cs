using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sensors
{
    internal static class DataLoading
    {
        /// <summary>Reads the sensor CSV and returns standardized features and the raw target.</summary>
        public static (Tensor Features, Tensor Target) LoadData(string path)
        {
            var values = new List<float>();
            var target = new List<float>();
            using var reader = new StreamReader(path);
            reader.ReadLine();
            while (!reader.EndOfStream)
            {
                var parts = reader.ReadLine()!.Split(',');
                for (var c = 0; c < 3; c++)
                    values.Add(float.Parse(parts[c], CultureInfo.InvariantCulture));
                target.Add(float.Parse(parts[3], CultureInfo.InvariantCulture));
            }
            var x = torch.tensor(values.ToArray()).reshape(-1, 3);
            var (std, mean) = torch.std_mean(x, new long[] { 0 }, keepdim: true);
            return ((x - mean) / std, torch.tensor(target.ToArray()).reshape(-1, 1));
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var (features, target) = DataLoading.LoadData("Data/sensors.csv");
            var model = Sequential(Linear(3, 16), ReLU(), Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(features), target);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
