using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sensors
{
    internal static class Csv
    {
        public static (float[,] X, float[] Y) LoadTable(string path, int featureCount)
        {
            var lines = File.ReadAllLines(path);
            var x = new float[lines.Length - 1, featureCount];
            var y = new float[lines.Length - 1];
            for (var row = 1; row < lines.Length; row++)
            {
                var fields = lines[row].Split(',');
                for (var col = 0; col < featureCount; col++)
                    x[row - 1, col] = float.Parse(fields[col], CultureInfo.InvariantCulture);
                y[row - 1] = float.Parse(fields[featureCount], CultureInfo.InvariantCulture);
            }
            return (x, y);
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var (x, y) = Csv.LoadTable("Data/sensors.csv", 3);
            var inputs = torch.tensor(x);
            var targets = torch.tensor(y).reshape(-1, 1);
            var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
            Train(model, optimizer, inputs, targets, 200); // SCALE001 expected
        }

        private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor inputs, Tensor targets, int epochs)
        {
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(inputs), targets);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
