using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Valves
{
    internal sealed class ValveDataset : torch.utils.data.Dataset
    {
        private readonly List<float[]> rows = new();
        private readonly List<float> labels = new();

        public ValveDataset(string path)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var cells = line.Split(',');
                rows.Add(new[]
                {
                    float.Parse(cells[0], CultureInfo.InvariantCulture),
                    float.Parse(cells[1], CultureInfo.InvariantCulture),
                    float.Parse(cells[2], CultureInfo.InvariantCulture),
                });
                labels.Add(float.Parse(cells[3], CultureInfo.InvariantCulture));
            }
        }

        public override long Count => rows.Count;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var row = rows[(int)index];
            var scaled = new[] { row[0] / 90f, row[1] / 600f, row[2] / 300f };
            return new Dictionary<string, Tensor>
            {
                ["data"] = torch.tensor(scaled),
                ["label"] = torch.tensor(new[] { labels[(int)index] }),
            };
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            using var dataset = new ValveDataset(Path.Combine(AppContext.BaseDirectory, "Data", "valves.csv"));
            using var loader = torch.utils.data.DataLoader(dataset, batchSize: 2, shuffle: true);
            var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid());
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = nn.BCELoss();
            for (var epoch = 0; epoch < 20; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
