using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Evs;

public record Vehicle(float WeightTonnes, float Drag, float Efficiency, float RangeScore);

public static class TensorExtensions
{
    public static Tensor ToFeatureTensor<T>(this IReadOnlyList<T> rows, Func<T, float[]> select)
    {
        var width = select(rows[0]).Length;
        var table = new float[rows.Count, width];
        for (var i = 0; i < rows.Count; i++)
        {
            var values = select(rows[i]);
            for (var j = 0; j < width; j++)
                table[i, j] = values[j];
        }
        return torch.from_array(table);
    }
}

public static class Program
{
    private static List<Vehicle> Load(string path)
        => File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(p => new Vehicle(
                float.Parse(p[0], CultureInfo.InvariantCulture),
                float.Parse(p[1], CultureInfo.InvariantCulture),
                float.Parse(p[2], CultureInfo.InvariantCulture),
                float.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToList();

    public static void Main()
    {
        var vehicles = Load(Path.Combine(AppContext.BaseDirectory, "Data", "evs.csv"));
        var x = vehicles.ToFeatureTensor(v => new[] { v.WeightTonnes, v.Drag, v.Efficiency });
        var y = vehicles.ToFeatureTensor(v => new[] { v.RangeScore });

        var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
        var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.l1_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
