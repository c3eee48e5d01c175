using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Faults
{
    internal static class Program
    {
        private static void Main()
        {
            var rows = new List<float[]>();
            var faults = new List<long>();
            using (var reader = new StreamReader("Data/readings.csv"))
            {
                reader.ReadLine();
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    var parts = line.Split(',');
                    rows.Add(parts.Take(3).Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray());
                    faults.Add(long.Parse(parts[3], CultureInfo.InvariantCulture));
                }
            }

            var raw = torch.tensor(rows.SelectMany(r => r).ToArray()).reshape(-1, 3);
            // Each column to unit length, so no reading outweighs the others.
            var x = nn.functional.normalize(raw, p: 2, dim: 0);
            var y = torch.tensor(faults.ToArray());

            var model = Sequential(Linear(3, 6), ReLU(), Linear(6, 2));
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.05);
            var criterion = CrossEntropyLoss();
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
