using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Flats;

public static class Program
{
    public static void Main()
    {
        var (features, target) = CsvLoader.Load("Data/flats.csv", 3);
        using var x = torch.tensor(features);
        using var y = torch.tensor(target).reshape(-1, 1);

        var model = Sequential(("hidden", Linear(3, 10)), ("relu", ReLU()), ("out", Linear(10, 1)));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = functional.mse_loss(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
