using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WineQuality;

public static class WineData
{
    /// <summary>The red wine quality table: eleven measurements, then the quality score (3..8).</summary>
    public static (Tensor Features, Tensor Labels) Load(string path)
    {
        var features = new List<float>();
        var labels = new List<long>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var columns = line.Split(';');
            features.AddRange(columns.Take(11).Select(c => float.Parse(c, CultureInfo.InvariantCulture)));
            labels.Add(long.Parse(columns[11], CultureInfo.InvariantCulture) - 3);
        }
        var x = torch.tensor(features.ToArray()).reshape(-1, 11);
        var y = torch.tensor(labels.ToArray());
        return (x, y);
    }
}

public sealed class WineNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1 = Linear(11, 32);
    private readonly Module<Tensor, Tensor> fc2 = Linear(32, 6);

    public WineNet() : base(nameof(WineNet)) => RegisterComponents();

    public override Tensor forward(Tensor input) => fc2.forward(functional.relu(fc1.forward(input)));
}

public static class Program
{
    public static void Main()
    {
        var (x, y) = WineData.Load(Path.Combine(AppContext.BaseDirectory, "Data", "winequality-red.csv"));
        var model = new WineNet();
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        var criterion = CrossEntropyLoss();
        for (var epoch = 1; epoch <= 300; epoch++)
        {
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
        Console.WriteLine("trained");
    }
}
