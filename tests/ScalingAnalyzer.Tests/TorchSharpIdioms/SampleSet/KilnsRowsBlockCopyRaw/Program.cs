using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Kilns
{
    internal static class Program
    {
        private const int Columns = 3;

        private static void Main()
        {
            var rows = new List<float[]>();
            var targets = new List<float>();
            foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "kilns.csv")).Skip(1))
            {
                var cells = line.Split(',');
                rows.Add(new[]
                {
                    float.Parse(cells[0], CultureInfo.InvariantCulture),
                    float.Parse(cells[1], CultureInfo.InvariantCulture),
                    float.Parse(cells[2], CultureInfo.InvariantCulture),
                });
                targets.Add(float.Parse(cells[3], CultureInfo.InvariantCulture));
            }

            var flat = new float[rows.Count * Columns];
            for (var i = 0; i < rows.Count; i++)
                Buffer.BlockCopy(rows[i], 0, flat, i * Columns * sizeof(float), Columns * sizeof(float));

            var x = torch.tensor(flat).reshape(rows.Count, Columns);
            var y = torch.tensor(targets.ToArray()).unsqueeze(1);
            var model = nn.Sequential(nn.Linear(Columns, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.001);
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.l1_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
