using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Meters
{
    internal static class Program
    {
        private static (Tensor, Tensor) Read(string path)
        {
            var features = new List<float>();
            var leaks = new List<long>();
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var cells = line.Split(',');
                features.AddRange(cells.Take(3).Select(c => float.Parse(c, CultureInfo.InvariantCulture)));
                leaks.Add(long.Parse(cells[3], CultureInfo.InvariantCulture));
            }
            return (torch.tensor(features.ToArray()).reshape(-1, 3), torch.tensor(leaks.ToArray()));
        }

        private static IEnumerable<(Tensor Data, Tensor Target)> Batches(Tensor data, Tensor target, int size)
        {
            var count = data.shape[0];
            for (long start = 0; start < count; start += size)
            {
                var length = Math.Min(size, count - start);
                yield return (data.narrow(0, start, length), target.narrow(0, start, length));
            }
        }

        private static void Main()
        {
            var (data, target) = Read("Data/meters.csv");
            var model = Sequential(Linear(3, 12), ReLU(), Linear(12, 2));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 50; epoch++)
            {
                foreach (var (batch, labels) in Batches(data, target, 4))
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(batch), labels); // SCALE001 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
