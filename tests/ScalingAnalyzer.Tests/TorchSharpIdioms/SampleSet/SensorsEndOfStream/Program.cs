using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SensorRegression
{
    internal static class Program
    {
        private const int FeatureCount = 3;

        private static void Main(string[] args)
        {
            var rows = new List<float[]>();
            var targets = new List<float>();
            using (var reader = File.OpenText("Data/sensors.csv"))
            {
                var header = reader.ReadLine();
                while (!reader.EndOfStream)
                {
                    var parts = reader.ReadLine()!.Split(',');
                    rows.Add(new[]
                    {
                        float.Parse(parts[0], CultureInfo.InvariantCulture),
                        float.Parse(parts[1], CultureInfo.InvariantCulture),
                        float.Parse(parts[2], CultureInfo.InvariantCulture),
                    });
                    targets.Add(float.Parse(parts[3], CultureInfo.InvariantCulture));
                }
            }

            var features = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Count, FeatureCount });
            var labels = torch.tensor(targets.ToArray()).unsqueeze(1);

            var model = Sequential(("hidden", Linear(FeatureCount, 16)), ("act", ReLU()), ("out", Linear(16, 1)));
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 200; epoch++)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var output = model.forward(features); // SCALE001 expected
                var loss = criterion.forward(output, labels);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
