using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace EngineWear
{
    internal sealed class EngineDataset : torch.utils.data.Dataset
    {
        private readonly List<float[]> _rows = new();
        private readonly List<float> _wear = new();

        public EngineDataset(string path)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var cells = line.Split(',').Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                _rows.Add(cells[..3]);
                _wear.Add(cells[3]);
            }
        }

        public override long Count => _rows.Count;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var i = (int)index;
            return new Dictionary<string, Tensor>
            {
                { "data", torch.tensor(_rows[i]) },
                { "label", torch.tensor(new[] { _wear[i] }) },
            };
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var train = new EngineDataset(Path.Combine(AppContext.BaseDirectory, "Data", "engines.csv"));
            var loader = torch.utils.data.DataLoader(train, 4, shuffle: true);
            var model = nn.Sequential(nn.Linear(3, 10), nn.ReLU(), nn.Linear(10, 1));
            var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.002);
            for (var epoch = 0; epoch < 40; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var output = model.forward(batch["data"]); // SCALE001 expected
                    var loss = nn.functional.l1_loss(output, batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
