using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DigitsCsv
{
    /// <summary>digits.csv: the label, then 16 pixel intensities (0..255) of a 4x4 image.</summary>
    internal sealed class DigitsCsv : torch.utils.data.Dataset
    {
        private readonly List<float[]> _images = new();
        private readonly List<long> _labels = new();

        public DigitsCsv(string path)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var parts = line.Split(',');
                _labels.Add(long.Parse(parts[0]));
                _images.Add(parts.Skip(1).Select(float.Parse).ToArray());
            }
        }

        public override long Count => _labels.Count;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var image = torch.tensor(_images[(int)index]);
            var label = torch.tensor(_labels[(int)index]);
            return new Dictionary<string, Tensor> { { "image", image }, { "label", label } };
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            using var data = new DigitsCsv("Data/digits.csv");
            using var loader = torch.utils.data.DataLoader(data, 8, shuffle: true);
            var model = Sequential(Linear(16, 32), ReLU(), Linear(32, 10));
            var optimizer = torch.optim.SGD(model.parameters(), 0.05);
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 20; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var logits = model.forward(batch["image"]); // SCALE001 expected
                    var loss = criterion.forward(logits, batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
