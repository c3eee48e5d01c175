using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace TrucksDataset
{
    internal sealed class TruckDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _x;
        private readonly Tensor _y;

        public TruckDataset(string path)
        {
            var lines = File.ReadAllLines(path);
            var table = new double[lines.Length - 1, 2];
            var fuel = new double[lines.Length - 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                table[i - 1, 0] = double.Parse(cells[0], CultureInfo.InvariantCulture);
                table[i - 1, 1] = double.Parse(cells[1], CultureInfo.InvariantCulture);
                fuel[i - 1] = double.Parse(cells[2], CultureInfo.InvariantCulture);
            }
            _x = torch.from_array(table).to_type(ScalarType.Float32);
            _y = torch.from_array(fuel).to_type(ScalarType.Float32).unsqueeze(1);
        }

        public override long Count => _x.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
            => new() { { "data", _x[index] }, { "label", _y[index] } };
    }

    internal static class Program
    {
        private static void Main()
        {
            using var data = new TruckDataset(Path.Combine(AppContext.BaseDirectory, "Data", "trucks.csv"));
            using var loader = torch.utils.data.DataLoader(data, 8, shuffle: true);
            var model = nn.Sequential(nn.Linear(2, 6), nn.ReLU(), nn.Linear(6, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.001, momentum: 0.9);
            for (var epoch = 0; epoch < 60; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]); // SCALE001 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
