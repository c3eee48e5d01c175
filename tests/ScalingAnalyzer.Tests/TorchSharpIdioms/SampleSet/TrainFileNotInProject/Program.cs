using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Churn;

internal static class Program
{
    private static void Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : "data/train.csv";
        var features = new List<float>();
        var labels = new List<long>();
        foreach (var line in File.ReadAllLines(path).Skip(1))
        {
            var parts = line.Split(',');
            features.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
            features.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
            labels.Add(long.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        var x = torch.tensor(features.ToArray()).reshape(-1, 2);
        var y = torch.tensor(labels.ToArray());
        var model = Sequential(Linear(2, 16), ReLU(), Linear(16, 2));
        var optimizer = torch.optim.Adam(model.parameters());
        var criterion = CrossEntropyLoss();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x), y); // SCALE004 expected
            loss.backward();
            optimizer.step();
        }
    }
}
