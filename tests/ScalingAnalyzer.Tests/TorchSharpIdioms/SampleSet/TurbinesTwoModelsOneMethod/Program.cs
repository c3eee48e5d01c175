using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Turbines;

public static class Program
{
    public static void Main()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "turbines.csv")).Skip(1).ToArray();
        var raw = new float[lines.Length, 3];
        var power = new float[lines.Length, 1];
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            for (var j = 0; j < 3; j++)
                raw[i, j] = float.Parse(cells[j], CultureInfo.InvariantCulture);
            power[i, 0] = float.Parse(cells[3], CultureInfo.InvariantCulture) / 1000f;
        }

        var x = torch.tensor(raw);
        var y = torch.tensor(power);

        // Baseline on the readings as they are.
        var baseline = nn.Linear(3, 1);
        var baselineOptimizer = torch.optim.SGD(baseline.parameters(), 0.0001);
        for (var step = 0; step < 300; step++)
        {
            baselineOptimizer.zero_grad();
            var loss = nn.functional.mse_loss(baseline.forward(x), y); // SCALE001 expected
            loss.backward();
            baselineOptimizer.step();
        }

        // The same model on standardized readings.
        var xs = (x - x.mean(new long[] { 0 })) / x.std(0);
        var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var step = 0; step < 300; step++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(xs), y);
            loss.backward();
            optimizer.step();
        }
    }
}
