using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace WellsNormalizer
{
    /// <summary>Min-max scaling fitted column by column, kept to transform new wells the same way.</summary>
    internal sealed class ColumnNormalizer
    {
        private float[] _min = Array.Empty<float>();
        private float[] _max = Array.Empty<float>();

        public void Fit(float[][] rows)
        {
            var width = rows[0].Length;
            _min = Enumerable.Repeat(float.MaxValue, width).ToArray();
            _max = Enumerable.Repeat(float.MinValue, width).ToArray();
            foreach (var row in rows)
            {
                for (var j = 0; j < width; j++)
                {
                    _min[j] = Math.Min(_min[j], row[j]);
                    _max[j] = Math.Max(_max[j], row[j]);
                }
            }
        }

        public float[][] Transform(float[][] rows)
            => rows.Select(row => row.Select((v, j) => (v - _min[j]) / (_max[j] - _min[j])).ToArray()).ToArray();
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "wells.csv"))
                .Skip(1)
                .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
            var inputs = rows.Select(r => r[..2]).ToArray();
            var normalizer = new ColumnNormalizer();
            normalizer.Fit(inputs);
            var scaled = normalizer.Transform(inputs);

            var x = torch.tensor(scaled.SelectMany(r => r).ToArray()).reshape(-1, 2);
            var y = torch.tensor(rows.Select(r => r[2]).ToArray()).reshape(-1, 1);
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
