using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Wine
{
    /// <summary>Each item standardized with the statistics of the whole table, computed once.</summary>
    internal sealed class WineDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _features;
        private readonly Tensor _classes;
        private readonly Tensor _mean;
        private readonly Tensor _std;

        public WineDataset(string path)
        {
            var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
            _features = torch.tensor(rows.SelectMany(r => r.Take(4).Select(v => float.Parse(v, CultureInfo.InvariantCulture))).ToArray(), new long[] { rows.Count, 4 });
            _classes = torch.tensor(rows.Select(r => long.Parse(r[4], CultureInfo.InvariantCulture)).ToArray());
            _mean = _features.mean(new long[] { 0 });
            _std = _features.std(0);
        }

        public override long Count => _classes.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var item = new Dictionary<string, Tensor>();
            item.Add("data", (_features[index] - _mean) / _std);
            item.Add("label", _classes[index]);
            return item;
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            using var dataset = new WineDataset("Data/wine.csv");
            using var loader = new DataLoader(dataset, 4, shuffle: true);
            var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3));
            var optimizer = torch.optim.Adam(model.parameters());
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 60; epoch++)
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
