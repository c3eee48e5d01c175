using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Rent
{
    internal static class Program
    {
        private static Tensor Standardize(Tensor column) => (column - column.mean()) / column.std();

        private static void Main()
        {
            var rows = File.ReadAllLines("Data/apartments.csv").Skip(1).Select(line => line.Split(',')).ToArray();
            var area = torch.tensor(rows.Select(r => float.Parse(r[0], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
            var rooms = torch.tensor(rows.Select(r => float.Parse(r[1], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
            var floor = torch.tensor(rows.Select(r => float.Parse(r[2], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
            var rent = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

            // One table: three standardized features and the rent (kept in euros, read back below).
            var table = torch.cat(new[] { Standardize(area), Standardize(rooms), Standardize(floor), rent }, 1);
            var x = table.index_select(1, torch.tensor(new long[] { 0, 1, 2 }));
            var y = table.index_select(1, torch.tensor(new long[] { 3 })) / 1000;

            var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.01);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
