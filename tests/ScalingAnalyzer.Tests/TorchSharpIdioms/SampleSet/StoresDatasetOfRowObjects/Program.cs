using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Stores
{
    internal sealed class Store
    {
        public float FloorArea { get; init; }
        public float Staff { get; init; }
        public float Visitors { get; init; }
        public float Revenue { get; init; }
    }

    internal sealed class StoreDataset : torch.utils.data.Dataset
    {
        private readonly List<Store> _stores = new();

        public StoreDataset(string path)
        {
            foreach (var line in File.ReadAllLines(path).Skip(1))
            {
                var f = line.Split(',');
                _stores.Add(new Store
                {
                    FloorArea = float.Parse(f[1], CultureInfo.InvariantCulture),
                    Staff = float.Parse(f[2], CultureInfo.InvariantCulture),
                    Visitors = float.Parse(f[3], CultureInfo.InvariantCulture),
                    Revenue = float.Parse(f[4], CultureInfo.InvariantCulture),
                });
            }
        }

        public override long Count => _stores.Count;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var store = _stores[(int)index];
            return new Dictionary<string, Tensor>
            {
                ["data"] = torch.tensor(new[] { store.FloorArea, store.Staff, store.Visitors }),
                ["label"] = torch.tensor(new[] { store.Revenue }),
            };
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            using var train = new StoreDataset("Data/stores.csv");
            using var loader = new DataLoader(train, 2, shuffle: true);
            var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var output = model.forward(batch["data"]); // SCALE001 expected
                    var loss = criterion.forward(output, batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
