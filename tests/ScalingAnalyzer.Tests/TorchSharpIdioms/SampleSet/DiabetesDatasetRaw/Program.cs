using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Diabetes
{
    /// <summary>The Pima diabetes table: eight measurements and the outcome, no header row.</summary>
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
            _features = torch.tensor(values.ToArray()).reshape(-1, 8);
            _labels = torch.tensor(outcomes.ToArray());
        }

        public override long Count => _labels.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
            => new() { ["features"] = _features[index], ["label"] = _labels[index] };
    }

    internal sealed class Classifier : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> layers = Sequential(Linear(8, 12), ReLU(), Linear(12, 8), ReLU(), Linear(8, 2));

        public Classifier() : base(nameof(Classifier)) => RegisterComponents();

        public override Tensor forward(Tensor input) => layers.forward(input);
    }

    internal static class Program
    {
        private static void Main()
        {
            using var train = new DiabetesDataset("Data/pima-indians-diabetes.csv");
            using var loader = torch.utils.data.DataLoader(train, 16, shuffle: true);
            var model = new Classifier();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            var loss = CrossEntropyLoss();
            for (var epoch = 1; epoch <= 50; epoch++)
                Train(model, optimizer, loss, loader, epoch); // SCALE001 expected
        }

        private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> criterion, DataLoader loader, int epoch)
        {
            model.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var output = model.forward(batch["features"]);
                var loss = criterion.forward(output, batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
