using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace PumpsDataset
{
    internal sealed class PumpDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _features;
        private readonly Tensor _load;

        public PumpDataset(string path)
        {
            var rows = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')).ToArray();
            var values = new float[rows.Length, 2];
            var load = new float[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                values[i, 0] = float.Parse(rows[i][0], CultureInfo.InvariantCulture);
                values[i, 1] = float.Parse(rows[i][1], CultureInfo.InvariantCulture);
                load[i] = float.Parse(rows[i][2], CultureInfo.InvariantCulture);
            }
            _features = torch.tensor(values);
            _load = torch.tensor(load).unsqueeze(1);
        }

        public Tensor Features => _features;

        public Tensor Load => _load;

        public override long Count => _features.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
            => new() { ["features"] = Features[index], ["load"] = Load[index] };
    }

    internal static class Program
    {
        private static void Main()
        {
            using var dataset = new PumpDataset(Path.Combine(AppContext.BaseDirectory, "Data", "pumps.csv"));
            using var loader = torch.utils.data.DataLoader(dataset, 8, shuffle: true);
            var model = nn.Sequential(nn.Linear(2, 12), nn.ReLU(), nn.Linear(12, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < 50; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(batch["features"]); // SCALE001 expected
                    var loss = nn.functional.mse_loss(prediction, batch["load"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
