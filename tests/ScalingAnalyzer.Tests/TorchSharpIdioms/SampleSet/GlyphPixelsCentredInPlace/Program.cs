using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GlyphsCentred
{
    internal static class Program
    {
        private const int ImageSize = 16;

        private static void Main()
        {
            var raw = File.ReadAllBytes("glyphs.bin");
            var count = raw.Length / (ImageSize + 1);
            var pixels = new float[count * ImageSize];
            var labels = new long[count];
            for (var n = 0; n < count; n++)
            {
                labels[n] = raw[n * (ImageSize + 1)];
                for (var p = 0; p < ImageSize; p++)
                    pixels[n * ImageSize + p] = raw[n * (ImageSize + 1) + 1 + p];
            }
            // Grey levels to [-1, 1].
            for (var i = 0; i < pixels.Length; i++)
                pixels[i] = (pixels[i] - 127.5f) / 127.5f;

            var x = torch.tensor(pixels).reshape(count, ImageSize);
            var y = torch.tensor(labels);
            var model = Sequential(Linear(ImageSize, 32), ReLU(), Linear(32, 4));
            var optimizer = torch.optim.SGD(model.parameters(), 0.05);
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
