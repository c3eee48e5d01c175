using TorchSharp;
using static TorchSharp.torch;

namespace Digits
{
    /// <summary>An idx-style file of 8x8 grey images: batches made once, rows written into a zero tensor one by one.</summary>
    internal sealed class DigitBatches
    {
        private const int Height = 8;
        private const int Width = 8;
        private readonly List<Tensor> _data = new();
        private readonly List<Tensor> _labels = new();

        public DigitBatches(string imagesPath, string labelsPath, int batchSize)
        {
            var dataBytes = File.ReadAllBytes(imagesPath);
            var labelBytes = File.ReadAllBytes(labelsPath);
            var imgSize = Height * Width;
            var count = labelBytes.Length;
            for (var start = 0; start < count; start += batchSize)
            {
                var take = Math.Min(batchSize, count - start);
                var dataTensor = torch.zeros(new long[] { take, imgSize });
                var labelTensor = torch.zeros(new long[] { take }, torch.int64);
                for (var j = 0; j < take; j++)
                {
                    var imgStart = (start + j) * imgSize;
                    var floats = dataBytes[imgStart..(imgStart + imgSize)].Select(b => (float)b).ToArray();
                    using (var inputTensor = torch.tensor(floats))
                        dataTensor.index_put_(inputTensor, TensorIndex.Single(j));
                    labelTensor[j] = torch.tensor(labelBytes[start + j], torch.int64);
                }
                _data.Add(dataTensor.reshape(take, 1, Height, Width));
                _labels.Add(labelTensor);
            }
        }

        public int Count => _data.Count;

        public (Tensor Data, Tensor Labels) this[int index] => (_data[index], _labels[index]);
    }

    internal static class Program
    {
        private static void Main()
        {
            var train = new DigitBatches("digits-images.idx", "digits-labels.idx", 32);
            var model = nn.Sequential(nn.Flatten(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10), nn.LogSoftmax(1));
            var loss = nn.NLLLoss();
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            for (var epoch = 1; epoch <= 5; epoch++)
            {
                for (var b = 0; b < train.Count; b++)
                {
                    var (data, target) = train[b];
                    optimizer.zero_grad();
                    var prediction = model.forward(data); // SCALE001 expected
                    var output = loss.forward(prediction, target);
                    output.backward();
                    optimizer.step();
                }
            }
        }
    }
}
