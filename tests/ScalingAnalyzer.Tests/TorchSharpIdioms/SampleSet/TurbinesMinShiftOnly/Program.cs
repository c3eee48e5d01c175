using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace TurbinesShift
{
    internal static class Program
    {
        private static (Tensor Features, Tensor Power) Load(string path)
        {
            var rows = File.ReadLines(path).Skip(1)
                .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
            var all = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, 4 });
            return (all[.., ..3], all[.., 3..] / 3400f);
        }

        private static void Main()
        {
            var (features, power) = Load("Data/turbines.csv");
            // Shifted to start at zero, but never divided by the range: still hundreds.
            var shifted = features - features.min(0).values;

            var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(shifted), power); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
