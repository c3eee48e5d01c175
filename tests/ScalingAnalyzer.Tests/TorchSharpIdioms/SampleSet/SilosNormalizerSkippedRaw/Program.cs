using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SilosRaw;

internal sealed class ColumnStandardizer
{
    private float[] _means = Array.Empty<float>();
    private float[] _stds = Array.Empty<float>();

    public void Fit(float[][] rows)
    {
        var width = rows[0].Length;
        _means = new float[width];
        _stds = new float[width];
        for (var j = 0; j < width; j++)
        {
            _means[j] = rows.Average(r => r[j]);
            _stds[j] = MathF.Sqrt(rows.Average(r => (r[j] - _means[j]) * (r[j] - _means[j])));
        }
    }

    public float[][] Transform(float[][] rows)
    {
        var result = new float[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = new float[rows[i].Length];
            for (var j = 0; j < rows[i].Length; j++)
                result[i][j] = (rows[i][j] - _means[j]) / _stds[j];
        }
        return result;
    }
}

internal sealed class SpoilageTrainer
{
    public void Train(float[][] features, float[] labels)
    {
        var x = torch.tensor(features.SelectMany(r => r).ToArray()).reshape(features.Length, -1);
        var y = torch.tensor(labels).reshape(-1, 1);
        var model = nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 1));
        var optimizer = torch.optim.SGD(model.parameters(), 0.0001);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}

internal static class Program
{
    private static void Main()
    {
        var rows = File.ReadAllLines(Path.Combine("Data", "silos.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var features = rows.Select(r => r[..3]).ToArray();
        var standardizer = new ColumnStandardizer();
        standardizer.Fit(features);
        new SpoilageTrainer().Train(features, rows.Select(r => r[3]).ToArray());
    }
}
