using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Forecast
{
    internal sealed class Forecaster : Module<Tensor, Tensor>
    {
        private readonly Linear _hidden;
        private readonly Linear _output;

        public Forecaster(int window) : base(nameof(Forecaster))
        {
            _hidden = Linear(window, 16);
            _output = Linear(16, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => _output.forward(functional.relu(_hidden.forward(input)));
    }

    internal static class Program
    {
        private const int Window = 5;

        private static void Main()
        {
            // Units sold per day.
            var series = File.ReadLines("Data/sales.csv")
                .Skip(1)
                .Select(line => float.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
                .ToArray();

            // Sliding windows: the last five days predict the next one.
            var count = series.Length - Window;
            var windows = new float[count, Window];
            var next = new float[count, 1];
            for (var i = 0; i < count; i++)
            {
                for (var j = 0; j < Window; j++)
                    windows[i, j] = series[i + j];
                next[i, 0] = series[i + Window];
            }

            var x = torch.tensor(windows);
            var y = torch.tensor(next);
            var model = new Forecaster(Window);
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var prediction = model.forward(x); // SCALE001 expected
                var loss = criterion.forward(prediction, y); // SCALE003 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
