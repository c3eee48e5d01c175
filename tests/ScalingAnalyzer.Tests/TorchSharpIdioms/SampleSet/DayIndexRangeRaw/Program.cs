using TorchSharp;
using static TorchSharp.torch;

namespace DayIndex
{
    internal static class Program
    {
        private static void Main()
        {
            const int days = 365;
            var dayOfYear = Enumerable.Range(0, days).Select(d => (float)d).ToArray();
            var temperature = dayOfYear.Select(d => (float)Math.Sin(2 * Math.PI * d / days)).ToArray();
            var x = torch.tensor(dayOfYear).reshape(days, 1);
            var y = torch.tensor(temperature).reshape(days, 1);
            var model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 1000; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
