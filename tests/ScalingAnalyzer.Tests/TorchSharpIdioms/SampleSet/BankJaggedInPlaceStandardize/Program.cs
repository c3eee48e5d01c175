using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Bank
{
    internal static class Program
    {
        private static void Main()
        {
            var lines = File.ReadAllLines("Data/customers.csv").Skip(1).ToArray();
            var rows = new float[lines.Length][];
            var labels = new float[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var parts = lines[i].Split(',');
                rows[i] = parts.Take(4).Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                labels[i] = float.Parse(parts[4], CultureInfo.InvariantCulture);
            }

            // Standardize every column in place.
            for (var j = 0; j < 4; j++)
            {
                var mean = rows.Average(r => r[j]);
                var std = (float)Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
                for (var i = 0; i < rows.Length; i++)
                    rows[i][j] = (rows[i][j] - mean) / std;
            }

            var x = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, 4 });
            var y = torch.tensor(labels).reshape(-1, 1);
            var model = Sequential(Linear(4, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = BCEWithLogitsLoss();
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
