using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace FlowerSplits
{
    internal sealed class PetalImages : IEnumerable<(Tensor image, Tensor label)>
    {
        private readonly List<(string Path, long Label)> _samples = new();

        public PetalImages(string root)
        {
            var classes = Directory.GetDirectories(root).OrderBy(d => d).ToList();
            for (var c = 0; c < classes.Count; c++)
                foreach (var file in Directory.GetFiles(classes[c], "*.rgba"))
                    _samples.Add((file, c));
        }

        public int Count => _samples.Count;

        public IEnumerator<(Tensor image, Tensor label)> GetEnumerator()
        {
            foreach (var (path, label) in _samples)
            {
                var bytes = File.ReadAllBytes(path);
                var image = torch.tensor(bytes, dtype: ScalarType.Byte).reshape(16, 16, 4)
                    .to(ScalarType.Float32).div(255.0f)
                    .permute(2, 0, 1)
                    .slice(0, 0, 3, 1);
                yield return (image, torch.tensor(label, dtype: ScalarType.Int64));
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal static class Program
    {
        private static IEnumerable<(Tensor X, Tensor y)> Batch(IEnumerable<(Tensor image, Tensor label)> data, int batchSize, bool shuffle = false)
        {
            var enumerator = shuffle ? data.OrderBy(_ => Guid.NewGuid()).GetEnumerator() : data.GetEnumerator();
            while (true)
            {
                var images = new List<Tensor>();
                var labels = new List<Tensor>();
                for (var i = 0; i < batchSize && enumerator.MoveNext(); i++)
                {
                    var (image, label) = enumerator.Current;
                    images.Add(image);
                    labels.Add(label);
                }
                if (images.Count == 0)
                    yield break;
                yield return (torch.stack(images.ToArray()), torch.stack(labels.ToArray()));
            }
        }

        private static void Main()
        {
            var images = new PetalImages("petals");
            var trainSize = (int)(images.Count * 0.8);
            var validationSize = (int)(images.Count * 0.15);
            var trainSamples = images.Take(trainSize);
            var validationSamples = images.Skip(trainSize).Take(validationSize);

            var model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 14 * 14, 5));
            var lossFn = nn.CrossEntropyLoss();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.0002, weight_decay: 1e-5);
            for (var epoch = 0; epoch < 20; epoch++)
            {
                model.train();
                foreach (var (X, y) in Batch(trainSamples, 16, shuffle: true))
                {
                    var yPred = model.forward(X);
                    var loss = lossFn.forward(yPred, y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                model.eval();
                using (torch.no_grad())
                {
                    long correct = 0;
                    foreach (var (X, y) in Batch(validationSamples, 32))
                        correct += model.forward(X).argmax(1).eq(y).sum().ToInt64();
                    Console.WriteLine($"epoch {epoch}: {correct} right");
                }
            }
        }
    }
}
