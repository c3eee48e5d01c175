using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Weather
{
    /// <summary>Where the readings come from: a file recorded by the station, or a simulation of it.</summary>
    public abstract class ReadingSource
    {
        public abstract Tensor Pressure();

        public abstract Tensor Rain();
    }

    public sealed class StationFile : ReadingSource
    {
        private readonly string[][] _rows;

        public StationFile(string path)
            => _rows = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')).ToArray();

        public override Tensor Pressure()
            => torch.tensor(_rows.Select(r => float.Parse(r[0], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

        public override Tensor Rain()
            => torch.tensor(_rows.Select(r => float.Parse(r[2], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
    }

    public sealed class SimulatedStation : ReadingSource
    {
        private readonly int _count;

        public SimulatedStation(int count) => _count = count;

        public override Tensor Pressure() => torch.rand(_count, 1) * 40 + 985;

        public override Tensor Rain() => torch.rand(_count, 1);
    }

    public static class Program
    {
        public static void Main()
        {
            ReadingSource source = File.Exists("Data/pressure.csv") ? new StationFile("Data/pressure.csv") : new SimulatedStation(200);
            var pressure = source.Pressure();
            var rain = source.Rain();
            var model = Sequential(Linear(1, 4), Tanh(), Linear(4, 1));
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.01);
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(pressure), rain); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
