using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace RatiosUnit
{
    internal static class Program
    {
        private static void Main()
        {
            var ratios = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "ratios.csv"))
                .Select(line => double.Parse(line, CultureInfo.InvariantCulture))
                .ToArray();
            var x = torch.tensor(ratios, dtype: ScalarType.Float32).reshape(-1, 1);
            var y = (x * 2 - 1).detach();
            var model = nn.Linear(1, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.1);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
