using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SolarChunks
{
    internal static class Program
    {
        private static IEnumerable<(float[] Inputs, float Output)> ReadRows(string path)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var f = line.Split(',');
                yield return (
                    new[] { float.Parse(f[0], CultureInfo.InvariantCulture), float.Parse(f[1], CultureInfo.InvariantCulture), float.Parse(f[2], CultureInfo.InvariantCulture) },
                    float.Parse(f[3], CultureInfo.InvariantCulture));
            }
        }

        private static void Main()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Data", "solar.csv");
            var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            for (var epoch = 0; epoch < 30; epoch++)
            {
                foreach (var chunk in ReadRows(path).Chunk(16))
                {
                    var x = torch.tensor(chunk.SelectMany(r => r.Inputs).ToArray(), new long[] { chunk.Length, 3 });
                    var y = torch.tensor(chunk.Select(r => r.Output).ToArray()).unsqueeze(1);
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
