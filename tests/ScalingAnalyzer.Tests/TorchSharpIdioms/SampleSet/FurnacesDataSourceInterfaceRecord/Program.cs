using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Furnaces;

public sealed record FurnaceData
{
    public float[] Features { get; init; } = Array.Empty<float>();
    public float[] Efficiency { get; init; } = Array.Empty<float>();
    public int Rows { get; init; }
    public int Columns { get; init; }
}

public interface IDataSource
{
    FurnaceData Load();
}

public sealed class CsvDataSource : IDataSource
{
    private readonly string path;

    public CsvDataSource(string path) => this.path = path;

    public FurnaceData Load()
    {
        var lines = File.ReadAllLines(path).Skip(1).ToArray();
        var features = new float[lines.Length * 3];
        var efficiency = new float[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            for (var j = 0; j < 3; j++)
                features[i * 3 + j] = float.Parse(cells[j], CultureInfo.InvariantCulture);
            efficiency[i] = float.Parse(cells[3], CultureInfo.InvariantCulture);
        }
        return new FurnaceData { Features = features, Efficiency = efficiency, Rows = lines.Length, Columns = 3 };
    }
}

public sealed class Trainer
{
    private readonly IDataSource source;

    public Trainer(IDataSource source) => this.source = source;

    public void Run(int epochs)
    {
        var data = source.Load();
        var x = torch.tensor(data.Features, new long[] { data.Rows, data.Columns });
        var y = torch.tensor(data.Efficiency, new long[] { data.Rows, 1 });
        var model = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}

public static class Program
{
    public static void Main()
    {
        new Trainer(new CsvDataSource(Path.Combine(AppContext.BaseDirectory, "Data", "furnaces.csv"))).Run(300);
    }
}
