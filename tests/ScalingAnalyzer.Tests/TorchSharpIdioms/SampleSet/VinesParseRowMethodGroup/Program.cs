using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vines
{
    internal static class Program
    {
        private static float[] ParseRow(string line)
            => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        private static void Main()
        {
            var table = File.ReadLines("Data/vineyard.csv").Skip(1).Select(ParseRow).ToArray();
            var x = torch.tensor(table.SelectMany(r => r.Take(3)).ToArray(), new long[] { table.Length, 3 });
            var y = torch.tensor(table.Select(r => r[3]).ToArray()).reshape(-1, 1);

            var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.001);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
