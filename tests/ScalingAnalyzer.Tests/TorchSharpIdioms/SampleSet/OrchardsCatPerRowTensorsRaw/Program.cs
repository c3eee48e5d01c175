using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Orchards;

public static class Program
{
    public static void Main()
    {
        var rowTensors = new List<Tensor>();
        var yields = new List<float>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "orchards.csv")).Skip(1))
        {
            var cells = line.Split(',');
            var values = new List<float>();
            for (var c = 0; c < 3; c++)
                values.Add(float.Parse(cells[c], CultureInfo.InvariantCulture));
            rowTensors.Add(torch.tensor(values.ToArray()).unsqueeze(0));
            yields.Add(float.Parse(cells[3], CultureInfo.InvariantCulture));
        }

        var x = torch.cat(rowTensors, 0);
        var y = torch.tensor(yields.ToArray()).reshape(-1, 1);
        var model = nn.Sequential(nn.Linear(3, 10), nn.ReLU(), nn.Linear(10, 1));
        var optimizer = torch.optim.SGD(model.parameters(), 0.0001);
        for (var epoch = 0; epoch < 500; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
