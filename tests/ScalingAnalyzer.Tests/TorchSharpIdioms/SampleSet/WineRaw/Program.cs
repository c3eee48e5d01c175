using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WineQuality;

public sealed class QualityNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> net;

    public QualityNet(int features) : base(nameof(QualityNet))
    {
        net = Sequential(("fc1", Linear(features, 32)), ("relu", ReLU()), ("fc2", Linear(32, 1)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => net.forward(x);
}

public static class WineData
{
    public static (Tensor Features, Tensor Quality) Load(string path)
    {
        var rows = File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(';').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var features = torch.tensor(rows.SelectMany(r => r.Take(11)).ToArray()).reshape(rows.Length, 11);
        var quality = torch.tensor(rows.Select(r => r[11]).ToArray()).reshape(rows.Length, 1);
        return (features, quality);
    }
}

public static class Program
{
    public static void Main()
    {
        var (features, quality) = WineData.Load(Path.Combine(AppContext.BaseDirectory, "Data", "winequality-red.csv"));
        // trained on the measurements as they are
        var model = new QualityNet(11);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var criterion = MSELoss();
        for (var epoch = 0; epoch < 200; epoch++)
        {
            model.train();
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(features), quality); // SCALE001 expected
            loss.backward();
            optimizer.step();
            if (epoch % 20 == 0)
                Console.WriteLine($"epoch {epoch}: {loss.item<float>():F4}");
        }
    }
}
