using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Digits
{
    /// <summary>Records of one label byte and 784 pixel bytes; pixels scaled to [0, 1] as they are read.</summary>
    internal sealed class DigitImages : torch.utils.data.IterableDataset
    {
        private readonly Tensor _images;
        private readonly Tensor _labels;

        public DigitImages(string path, int count)
        {
            var bytes = File.ReadAllBytes(path);
            var pixels = new float[count * 784];
            var labels = new long[count];
            for (var i = 0; i < count; i++)
            {
                labels[i] = bytes[i * 785];
                for (var p = 0; p < 784; p++)
                    pixels[i * 784 + p] = bytes[i * 785 + 1 + p] / 255f;
            }
            _images = torch.tensor(pixels, new long[] { count, 784 });
            _labels = torch.tensor(labels);
        }

        public override long Count => _labels.shape[0];

        public override IList<Tensor> GetTensor(long index) => new[] { _images[index], _labels[index] };
    }

    internal static class Program
    {
        private static void Main()
        {
            using var train = new DigitImages("train-images.bin", 60000);
            using var loader = new IterableDataLoader(train, 64, shuffle: true);
            var model = Sequential(Linear(784, 128), ReLU(), Linear(128, 10));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            var criterion = CrossEntropyLoss();
            for (var epoch = 1; epoch <= 3; epoch++)
            {
                foreach (var batch in loader)
                {
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(batch[0]), batch[1]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
