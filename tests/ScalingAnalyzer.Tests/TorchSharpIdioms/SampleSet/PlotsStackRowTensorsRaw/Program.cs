using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Plots;

internal static class Program
{
    private static void Main()
    {
        var rows = new List<Tensor>();
        var yields = new List<float>();
        using (var reader = File.OpenText("Data/plots.csv"))
        {
            reader.ReadLine();
            while (!reader.EndOfStream)
            {
                var p = reader.ReadLine()!.Split(',');
                var area = float.Parse(p[0], CultureInfo.InvariantCulture);
                var rain = float.Parse(p[1], CultureInfo.InvariantCulture);
                var fertilizer = float.Parse(p[2], CultureInfo.InvariantCulture);
                rows.Add(torch.tensor(new[] { area, rain, fertilizer }));
                yields.Add(float.Parse(p[3], CultureInfo.InvariantCulture) / 10f);
            }
        }

        var x = torch.stack(rows);
        var y = torch.tensor(yields.ToArray()).unsqueeze(1);
        var model = nn.Sequential(("hidden", nn.Linear(3, 12)), ("act", nn.ReLU()), ("out", nn.Linear(12, 1)));
        var optimizer = torch.optim.Adagrad(model.parameters(), lr: 0.05);
        var loss = nn.HuberLoss();
        for (var epoch = 0; epoch < 250; epoch++)
        {
            optimizer.zero_grad();
            var l = loss.forward(model.forward(x), y); // SCALE001 expected
            l.backward();
            optimizer.step();
        }
    }
}
