using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Diabetes
{
    /// <summary>The Pima diabetes table, standardized column by column when loaded.</summary>
    internal sealed class DiabetesDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _features;
        private readonly Tensor _labels;

        public DiabetesDataset(string path)
        {
            var values = new List<float>();
            var outcomes = new List<long>();
            foreach (var line in File.ReadAllLines(path))
            {
                var fields = line.Split(',');
                for (var k = 0; k < 8; k++)
                    values.Add(float.Parse(fields[k], CultureInfo.InvariantCulture));
                outcomes.Add(long.Parse(fields[8], CultureInfo.InvariantCulture));
            }
            var raw = torch.tensor(values.ToArray()).reshape(-1, 8);
            var mean = raw.mean(new long[] { 0 }, keepdim: true);
            var std = raw.std(0, keepdim: true);
            _features = (raw - mean) / std;
            _labels = torch.tensor(outcomes.ToArray());
        }

        public override long Count => _labels.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var item = new Dictionary<string, Tensor>();
            item.Add("features", _features[index]);
            item.Add("label", _labels[index]);
            return item;
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            using var train = new DiabetesDataset("Data/pima-indians-diabetes.csv");
            using var loader = torch.utils.data.DataLoader(train, 16, shuffle: true);
            var model = Sequential(Linear(8, 12), ReLU(), Linear(12, 2));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            var loss = CrossEntropyLoss();
            for (var epoch = 1; epoch <= 50; epoch++)
                Train(model, optimizer, loss, loader, epoch);
        }

        private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> criterion, DataLoader loader, int epoch)
        {
            model.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(batch["features"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
