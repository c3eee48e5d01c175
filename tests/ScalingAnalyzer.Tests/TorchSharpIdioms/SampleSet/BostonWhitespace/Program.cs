using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Boston;

public static class Program
{
    private const int Features = 13;

    public static void Main()
    {
        var x = new List<float>();
        var y = new List<float>();
        foreach (var raw in File.ReadLines("Data/housing.data"))
        {
            var cols = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var c = 0; c < Features; c++)
                x.Add(float.Parse(cols[c], CultureInfo.InvariantCulture));
            y.Add(float.Parse(cols[Features], CultureInfo.InvariantCulture) / 50f);
        }
        var inputs = torch.tensor(x.ToArray()).reshape(-1, Features);
        var targets = torch.tensor(y.ToArray()).reshape(-1, 1);
        var model = Sequential(Linear(Features, 32), ReLU(), Linear(32, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        for (var epoch = 0; epoch < 500; epoch++)
        {
            optimizer.zero_grad();
            var loss = functional.mse_loss(model.forward(inputs), targets); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
