using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HousePrices
{
    /// <summary>Square feet, bedrooms and age of each house, and its price in units of $100k.</summary>
    public sealed class HouseDataset : torch.utils.data.Dataset<(Tensor, Tensor)>
    {
        private readonly Tensor _features;
        private readonly Tensor _prices;

        public HouseDataset(string path)
        {
            var rows = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')).ToArray();
            var features = rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var prices = rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
            _features = torch.tensor(features).reshape(-1, 3);
            _prices = torch.tensor(prices).reshape(-1, 1);
        }

        public override long Count => _features.shape[0];

        public override (Tensor, Tensor) GetTensor(long index) => (_features[index], _prices[index]);
    }

    public static class Program
    {
        // Each batch standardized with the whole table's statistics, computed once.
        private static readonly Tensor Mean = torch.tensor(new[] { 1980f, 3.4f, 24f });
        private static readonly Tensor Std = torch.tensor(new[] { 760f, 1.0f, 18f });

        private static (Tensor, Tensor) Collate(IEnumerable<(Tensor, Tensor)> items, Device device)
        {
            var features = (torch.stack(items.Select(item => item.Item1)) - Mean) / Std;
            var prices = torch.stack(items.Select(item => item.Item2));
            return (features.to(device), prices.to(device));
        }

        public static void Main()
        {
            using var dataset = new HouseDataset("Data/houses.csv");
            using var loader = new DataLoader<(Tensor, Tensor), (Tensor, Tensor)>(dataset, 4, Collate, shuffle: true);
            var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                model.train();
                foreach (var (features, prices) in loader)
                {
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var output = model.forward(features);
                    var loss = criterion.forward(output, prices);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
