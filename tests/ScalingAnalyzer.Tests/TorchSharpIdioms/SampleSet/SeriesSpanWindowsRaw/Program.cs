using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace TrafficWindows
{
    internal static class Program
    {
        private const int Window = 8;

        private static void Main()
        {
            var series = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "traffic.csv"))
                .Skip(1)
                .Select(line => float.Parse(line, CultureInfo.InvariantCulture))
                .ToArray();
            var windows = new List<Tensor>();
            var next = new List<float>();
            for (var i = 0; i + Window < series.Length; i++)
            {
                windows.Add(torch.tensor(series.AsSpan(i, Window).ToArray()));
                next.Add(series[i + Window] / 1000f);
            }
            var x = torch.stack(windows);
            var y = torch.tensor(next.ToArray()).unsqueeze(1);
            var model = nn.Sequential(nn.Linear(Window, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
