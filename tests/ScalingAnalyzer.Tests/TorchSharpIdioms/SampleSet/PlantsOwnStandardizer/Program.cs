using TorchSharp;
using static TorchSharp.torch;

namespace Plants;

public sealed class Standardizer
{
    private float[] _mean = Array.Empty<float>();
    private float[] _std = Array.Empty<float>();

    public void Fit(float[][] rows)
    {
        var columns = rows[0].Length;
        _mean = new float[columns];
        _std = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            _mean[c] = rows.Average(r => r[c]);
            _std[c] = (float)Math.Sqrt(rows.Average(r => (r[c] - _mean[c]) * (r[c] - _mean[c])));
        }
    }

    public float[][] Transform(float[][] rows)
        => rows.Select(r => r.Select((v, c) => (v - _mean[c]) / _std[c]).ToArray()).ToArray();
}

public static class Program
{
    public static void Main()
    {
        var rows = File.ReadAllLines("plants.csv").Skip(1)
            .Select(l => l.Split(',').Select(float.Parse).ToArray()).ToArray();
        var features = rows.Select(r => r[..3]).ToArray();
        var scaler = new Standardizer();
        scaler.Fit(features);
        var scaled = scaler.Transform(features);
        var x = torch.tensor(scaled.SelectMany(r => r).ToArray()).reshape(rows.Length, 3);
        var y = torch.tensor(rows.Select(r => r[3]).ToArray()).reshape(rows.Length, 1);
        var model = nn.Linear(3, 1);
        var optimizer = optim.SGD(model.parameters(), 0.05);
        var mse = nn.MSELoss();
        for (var i = 0; i < 200; i++)
        {
            optimizer.zero_grad();
            var loss = mse.forward(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
