using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Chillers
{
    internal sealed class ChillerDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _features;
        private readonly Tensor _efficiency;

        public ChillerDataset(string path)
        {
            var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
            _features = torch.tensor(rows.SelectMany(r => r.Take(4)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 4);
            _efficiency = torch.tensor(rows.Select(r => float.Parse(r[4], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
            // Standardize the features in place, column by column.
            var (std, mean) = torch.std_mean(_features, new long[] { 0 });
            _features.sub_(mean).div_(std);
        }

        public override long Count => _features.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
            => new() { ["data"] = _features[index], ["label"] = _efficiency[index] };
    }

    internal static class Program
    {
        private static void Main()
        {
            using var dataset = new ChillerDataset("Data/chillers.csv");
            using var loader = torch.utils.data.DataLoader(dataset, 2, shuffle: true);
            var model = Sequential(Linear(4, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var loss = functional.mse_loss(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
