using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Scales;

internal static class Program
{
    private static Module<Tensor, Tensor> BuildModel(int inputs)
        => Sequential(
            ("norm", LayerNorm(inputs)),
            ("hidden", Linear(inputs, 12)),
            ("act", ReLU()),
            ("out", Linear(12, 1)));

    private static void Main()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "scales.csv")).Skip(1).ToArray();
        var x = torch.zeros(lines.Length, 3);
        var y = torch.zeros(lines.Length, 1);
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            for (var j = 0; j < 3; j++)
                x[i, j] = float.Parse(cells[j], CultureInfo.InvariantCulture);
            y[i, 0] = float.Parse(cells[3], CultureInfo.InvariantCulture);
        }

        var model = BuildModel(3);
        var optimizer = optim.Adam(model.parameters(), lr: 0.005);
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            var loss = functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
