using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Glyphs
{
    /// <summary>4x4 glyphs: a label, then sixteen grey levels 0..255.</summary>
    internal sealed class GlyphReader
    {
        public GlyphReader(string path)
        {
            var lines = File.ReadAllLines(path);
            Pixels = new byte[lines.Length * 16];
            Labels = new long[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var parts = lines[i].Split(',');
                Labels[i] = long.Parse(parts[0], CultureInfo.InvariantCulture);
                for (var p = 0; p < 16; p++)
                    Pixels[i * 16 + p] = byte.Parse(parts[p + 1], CultureInfo.InvariantCulture);
            }
        }

        public byte[] Pixels { get; }

        public long[] Labels { get; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var reader = new GlyphReader("Data/glyphs.csv");
            var images = torch.tensor(reader.Pixels).reshape(-1, 16).to(ScalarType.Float32);
            var labels = torch.tensor(reader.Labels);

            var model = Sequential(Linear(16, 32), ReLU(), Linear(32, 4));
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9);
            var criterion = CrossEntropyLoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                model.train();
                optimizer.zero_grad();
                var output = model.forward(images); // SCALE001 expected
                var loss = criterion.forward(output, labels);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
