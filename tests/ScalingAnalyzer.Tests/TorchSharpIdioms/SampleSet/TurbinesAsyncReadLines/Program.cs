using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace TurbinesAsync
{
    internal static class Program
    {
        private static async Task Main()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Data", "turbines.csv");
            var lines = await File.ReadAllLinesAsync(path);
            var inputs = new List<float[]>();
            var power = new List<float>();
            foreach (var line in lines.Skip(1))
            {
                var p = line.Split(',');
                inputs.Add(new[] { float.Parse(p[0], CultureInfo.InvariantCulture), float.Parse(p[1], CultureInfo.InvariantCulture) });
                power.Add(float.Parse(p[2], CultureInfo.InvariantCulture) / 3000f);
            }

            var x = torch.tensor(inputs.SelectMany(r => r).ToArray(), new long[] { inputs.Count, 2 });
            var y = torch.tensor(power.ToArray()).unsqueeze(1);
            var model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1));
            var optimizer = torch.optim.RMSProp(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.smooth_l1_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
            await File.WriteAllTextAsync("done.txt", "trained");
        }
    }
}
