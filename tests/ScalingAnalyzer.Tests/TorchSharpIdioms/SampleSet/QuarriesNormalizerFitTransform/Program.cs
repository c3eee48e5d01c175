using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace QuarriesNormalized
{
    /// <summary>Standardization fitted once on the training table and applied to every later input.</summary>
    internal sealed class Normalizer
    {
        private Tensor? _mean;
        private Tensor? _std;

        public Normalizer Fit(Tensor data)
        {
            _mean = data.mean(new long[] { 0 }, keepdim: true);
            _std = data.std(0, keepdim: true);
            return this;
        }

        public Tensor Transform(Tensor data)
        {
            if (_mean is null || _std is null)
                throw new InvalidOperationException("Fit first.");
            return (data - _mean) / _std;
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = File.ReadAllLines(Path.Combine("Data", "quarries.csv")).Skip(1).ToArray();
            var matrix = new double[rows.Length, 3];
            var vibration = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var parts = rows[i].Split(',');
                for (var j = 0; j < 3; j++)
                    matrix[i, j] = double.Parse(parts[j], CultureInfo.InvariantCulture);
                vibration[i] = double.Parse(parts[3], CultureInfo.InvariantCulture);
            }

            var raw = torch.tensor(matrix).to(float32);
            var normalizer = new Normalizer().Fit(raw);
            var x = normalizer.Transform(raw);
            var y = torch.tensor(vibration).to(float32).reshape(-1, 1);

            var model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));
            var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.01);
            foreach (var epoch in Enumerable.Range(0, 200))
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
