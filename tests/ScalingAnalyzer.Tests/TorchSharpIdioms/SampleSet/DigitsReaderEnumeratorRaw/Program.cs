using System.Collections;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace DigitsEnumerator
{
    /// <summary>Batches of 8x8 digits read once from an idx-style file, handed out by an enumerator class of its own.</summary>
    public sealed class DigitReader : IEnumerable<(Tensor, Tensor)>, IDisposable
    {
        private readonly List<Tensor> data = new();
        private readonly List<Tensor> labels = new();

        public DigitReader(string path, int batchSize)
        {
            var bytes = File.ReadAllBytes(path);
            const int imgSize = 64;
            var count = bytes.Length / (imgSize + 1);
            for (var start = 0; start < count; start += batchSize)
            {
                var take = Math.Min(batchSize, count - start);
                var batchData = new float[take * imgSize];
                var batchLabels = new long[take];
                for (var j = 0; j < take; j++)
                {
                    var offset = (start + j) * (imgSize + 1);
                    batchLabels[j] = bytes[offset];
                    for (var p = 0; p < imgSize; p++)
                        batchData[j * imgSize + p] = bytes[offset + 1 + p];
                }
                data.Add(torch.tensor(batchData).reshape(take, 1, 8, 8));
                labels.Add(torch.tensor(batchLabels));
            }
        }

        public int Size => data.Count;

        public IEnumerator<(Tensor, Tensor)> GetEnumerator() => new DigitEnumerator(data, labels);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose()
        {
            data.ForEach(d => d.Dispose());
            labels.ForEach(l => l.Dispose());
        }

        private sealed class DigitEnumerator : IEnumerator<(Tensor, Tensor)>
        {
            private readonly List<Tensor> data;
            private readonly List<Tensor> labels;
            private int curIdx = -1;

            public DigitEnumerator(List<Tensor> data, List<Tensor> labels)
            {
                this.data = data;
                this.labels = labels;
            }

            public (Tensor, Tensor) Current => (data[curIdx], labels[curIdx]);

            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                curIdx += 1;
                return curIdx < data.Count;
            }

            public void Reset() => curIdx = -1;

            public void Dispose()
            {
            }
        }
    }

    internal sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> layers = Sequential(Flatten(), Linear(64, 32), ReLU(), Linear(32, 10), LogSoftmax(1));

        public Model(string name) : base(name) => RegisterComponents();

        public override Tensor forward(Tensor input) => layers.forward(input);
    }

    internal static class Program
    {
        private static void Main()
        {
            var model = new Model("digits");
            var optimizer = optim.Adam(model.parameters());
            using var train = new DigitReader("digits-train.idx", 32);
            for (var epoch = 1; epoch <= 4; epoch++)
                Train(model, optimizer, NLLLoss(), train, epoch); // SCALE001 expected
        }

        private static void Train(Model model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss, IEnumerable<(Tensor, Tensor)> dataLoader, int epoch)
        {
            model.train();
            foreach (var (data, target) in dataLoader)
            {
                optimizer.zero_grad();
                var prediction = model.forward(data);
                var output = loss.forward(prediction, target);
                output.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
