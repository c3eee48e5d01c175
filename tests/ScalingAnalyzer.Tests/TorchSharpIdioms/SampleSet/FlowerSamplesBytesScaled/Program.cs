using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace Flowers
{
    /// <summary>Tiles of an RGBA atlas (8x8 pixels, 4 bytes each) with a class per tile, read one by one as in an image folder loader.</summary>
    internal sealed class TileSamples : IEnumerable<(Tensor image, Tensor label)>
    {
        private const int Side = 8;
        private readonly byte[] _atlas;

        public TileSamples(string path)
        {
            _atlas = File.ReadAllBytes(path);
        }

        public int Count => _atlas.Length / (Side * Side * 4);

        public IEnumerator<(Tensor image, Tensor label)> GetEnumerator()
        {
            for (var tile = 0; tile < Count; tile++)
            {
                var bytes = new byte[Side * Side * 4];
                Array.Copy(_atlas, tile * bytes.Length, bytes, 0, bytes.Length);
                yield return (ImageToTensor(bytes), torch.tensor(tile % 3, dtype: ScalarType.Int64));
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public static Tensor ImageToTensor(byte[] imageData)
        {
            Tensor tensor = torch.tensor(imageData, dtype: ScalarType.Byte).reshape(Side, Side, 4);
            // 0..255 to 0..1, channels first, alpha dropped.
            Tensor floatTensor = tensor.to(ScalarType.Float32).div(255.0f);
            Tensor inputTensor = floatTensor.permute(2, 0, 1);
            return inputTensor.slice(0, 0, 3, 1);
        }
    }

    internal static class Program
    {
        private static IEnumerable<(Tensor X, Tensor y)> Batch(IEnumerable<(Tensor image, Tensor label)> data, int batchSize)
        {
            var enumerator = data.GetEnumerator();
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
            var samples = new TileSamples("atlas.rgba");
            var trainSize = (int)(samples.Count * 0.8);
            var trainSamples = samples.Take(trainSize);
            var model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 32), nn.ReLU(), nn.Linear(32, 3));
            var lossFn = nn.CrossEntropyLoss();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.0002, weight_decay: 1e-5);
            for (var epoch = 0; epoch < 10; epoch++)
            {
                model.train();
                var trainBatches = Batch(trainSamples, 16).ToList();
                for (var batchIndex = 0; batchIndex < trainBatches.Count; batchIndex++)
                {
                    var (X, y) = trainBatches[batchIndex];
                    var yPred = model.forward(X);
                    var loss = lossFn.forward(yPred, y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
