using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Quarries
{
    internal static class Program
    {
        private static double[,] LoadMatrix(string path, out double[] vibration)
        {
            var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
            var matrix = new double[rows.Length, 3];
            vibration = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var parts = rows[i].Split(',');
                for (var j = 0; j < 3; j++)
                    matrix[i, j] = double.Parse(parts[j], CultureInfo.InvariantCulture);
                vibration[i] = double.Parse(parts[3], CultureInfo.InvariantCulture);
            }
            return matrix;
        }

        private static void Main()
        {
            var matrix = LoadMatrix(Path.Combine("Data", "quarries.csv"), out var vibration);
            var x = torch.tensor(matrix).to(float32);
            var y = torch.tensor(vibration).to(float32).reshape(-1, 1);

            var model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));
            var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.001);
            var n = x.shape[0];
            const int batchSize = 4;
            for (var epoch = 0; epoch < 200; epoch++)
            {
                var order = torch.randperm(n);
                for (long start = 0; start < n; start += batchSize)
                {
                    var index = order.narrow(0, start, Math.Min(batchSize, n - start));
                    var xb = x.index_select(0, index);
                    var yb = y.index_select(0, index);
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(xb), yb); // SCALE001 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
