using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Energy
{
    internal static class Program
    {
        private static float[][] ReadRows(string file)
            => File.ReadLines(file)
                .Select(line => line.Split('\t'))
                .Select(cells => cells.Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();

        private static void Main()
        {
            var rows = ReadRows(Path.Combine("Data", "energy.tsv"));
            var inputs = torch.tensor(rows.SelectMany(r => r.Take(2)).ToArray()).reshape(rows.Length, 2);
            var loads = torch.tensor(rows.Select(r => r[2] / 1000f).ToArray()).reshape(rows.Length, 1);
            using var dataset = torch.utils.data.TensorDataset(inputs, loads);
            using var loader = torch.utils.data.DataLoader(dataset, 4, shuffle: true);
            var model = Sequential(Linear(2, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 50; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var loss = functional.mse_loss(model.forward(batch[0]), batch[1]); // SCALE001 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
