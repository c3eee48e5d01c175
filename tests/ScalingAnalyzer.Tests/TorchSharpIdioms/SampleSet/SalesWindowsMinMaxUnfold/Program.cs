using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Forecast
{
    internal static class Program
    {
        private const int Window = 5;

        private static void Main()
        {
            var series = File.ReadLines("Data/sales.csv")
                .Skip(1)
                .Select(line => float.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
                .ToArray();

            // Min-max scale the series before cutting it into windows.
            var min = series.Min();
            var max = series.Max();
            var scaled = series.Select(v => (v - min) / (max - min)).ToArray();

            // Each row: five days and the day after them.
            var windows = torch.tensor(scaled).unfold(0, Window + 1, 1);
            var x = windows[.., ..Window];
            var y = windows[.., Window..];

            var model = Sequential(Linear(Window, 16), ReLU(), Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }

            using (torch.no_grad())
            {
                var last = torch.tensor(scaled[^Window..]).unsqueeze(0);
                var forecast = model.forward(last).item<float>() * (max - min) + min;
                Console.WriteLine($"tomorrow: {forecast:F0} units");
            }
        }
    }
}
