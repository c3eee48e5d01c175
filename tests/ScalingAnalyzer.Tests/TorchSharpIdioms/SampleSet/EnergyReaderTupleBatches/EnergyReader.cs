using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace EnergyForecast
{
    /// <summary>Reads hour, temperature and load (kWh, kept in MWh) into batches, the way the CIFAR reader does.</summary>
    public sealed class EnergyReader : IDisposable
    {
        private readonly List<(Tensor, Tensor)> _batches = new List<(Tensor, Tensor)>();

        public EnergyReader(string path, int batchSize)
        {
            var lines = File.ReadAllLines(path);
            for (var start = 0; start < lines.Length; start += batchSize)
            {
                var take = Math.Min(batchSize, lines.Length - start);
                var x = new float[take, 2];
                var y = new float[take];
                for (var j = 0; j < take; j++)
                {
                    var fields = lines[start + j].Split('\t');
                    x[j, 0] = float.Parse(fields[0], CultureInfo.InvariantCulture);
                    x[j, 1] = float.Parse(fields[1], CultureInfo.InvariantCulture);
                    y[j] = float.Parse(fields[2], CultureInfo.InvariantCulture) / 1000f;
                }
                _batches.Add((torch.tensor(x), torch.tensor(y).unsqueeze(1)));
            }
        }

        public IEnumerable<(Tensor, Tensor)> Data()
        {
            foreach (var batch in _batches)
                yield return batch;
        }

        public void Dispose()
        {
            foreach (var (x, y) in _batches)
            {
                x.Dispose();
                y.Dispose();
            }
        }
    }
}
