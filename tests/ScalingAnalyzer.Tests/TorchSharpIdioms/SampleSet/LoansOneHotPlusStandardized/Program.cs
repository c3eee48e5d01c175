using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Loans
{
    internal static class Program
    {
        private static void Main()
        {
            var rows = File.ReadAllLines("Data/loans.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var amounts = torch.tensor(rows.SelectMany(r => r.Take(2)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 2);
            var purpose = torch.tensor(rows.Select(r => long.Parse(r[2], CultureInfo.InvariantCulture)).ToArray());
            var defaulted = torch.tensor(rows.Select(r => long.Parse(r[3], CultureInfo.InvariantCulture)).ToArray());

            var (std, mean) = torch.std_mean(amounts, new long[] { 0 });
            var numeric = (amounts - mean) / std;
            var categories = nn.functional.one_hot(purpose, 3).to(ScalarType.Float32);
            var x = torch.cat(new[] { numeric, categories }, 1);

            var model = Sequential(Linear(5, 8), ReLU(), Linear(8, 2));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), defaulted);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
