using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace CementStrength
{
    internal static class Program
    {
        private static void Main()
        {
            var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "cement.csv"))
                .Skip(1)
                .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
            var flat = rows.SelectMany(r => r.Take(3)).ToArray();
            var raw = torch.as_tensor(flat).view(rows.Length, 3).to_type(ScalarType.Float32);
            var (std, mean) = torch.std_mean(raw, new long[] { 0 }, keepdim: true);
            var x = (raw - mean) / std;
            var y = torch.as_tensor(rows.Select(r => r[3] / 80.0).ToArray()).view(-1, 1).to_type(ScalarType.Float32);

            var model = nn.Sequential(nn.Linear(3, 20), nn.ReLU(), nn.Linear(20, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
