using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sensors
{
    public abstract class TabularProvider
    {
        public abstract Tensor Features();

        public abstract Tensor Targets();
    }

    /// <summary>humidity (fraction), pressure (hPa), temperature (C) -> output.</summary>
    public class SensorCsvProvider : TabularProvider
    {
        private readonly List<string[]> _rows;

        public SensorCsvProvider(string path)
        {
            _rows = File.ReadLines(path).Skip(1).Select(line => line.Split(',')).ToList();
        }

        public override Tensor Features()
        {
            var pressure = _rows.Select(r => float.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
            return torch.tensor(pressure).reshape(-1, 1);
        }

        public override Tensor Targets()
            => torch.tensor(_rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
    }

    public static class Program
    {
        public static void Main()
        {
            TabularProvider provider = new SensorCsvProvider("Data/sensors.csv");
            var x = provider.Features();
            var y = provider.Targets();
            var model = Linear(1, 1);
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.001);
            for (var step = 0; step < 1000; step++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
