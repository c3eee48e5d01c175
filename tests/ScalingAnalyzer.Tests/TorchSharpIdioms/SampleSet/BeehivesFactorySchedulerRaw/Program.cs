using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Beehives;

internal static class HiveModels
{
    public static nn.Module<Tensor, Tensor> Create(int inputs, int hidden)
        => nn.Sequential(
            ("fc1", nn.Linear(inputs, hidden)),
            ("act", nn.ReLU()),
            ("fc2", nn.Linear(hidden, 1)),
            ("out", nn.Sigmoid()));
}

internal static class Program
{
    private static (Tensor Features, Tensor Health) Load(string path)
    {
        var features = new List<float>();
        var health = new List<float>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            for (var c = 0; c < 4; c++)
                features.Add(float.Parse(cells[c], CultureInfo.InvariantCulture));
            health.Add(float.Parse(cells[4], CultureInfo.InvariantCulture));
        }
        return (torch.tensor(features.ToArray()).reshape(-1, 4), torch.tensor(health.ToArray()).reshape(-1, 1));
    }

    private static void Main()
    {
        var (x, y) = Load(Path.Combine(AppContext.BaseDirectory, "Data", "hives.csv"));
        var model = HiveModels.Create(4, 10);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 50, 0.5);
        var criterion = nn.BCELoss();
        for (var epoch = 0; epoch < 300; epoch++)
        {
            optimizer.zero_grad();
            var output = model.forward(x); // SCALE001 expected
            var loss = criterion.forward(output, y);
            loss.backward();
            optimizer.step();
            scheduler.step();
        }
    }
}
