// Issue 14's seed program: the seed's house prices trained with Adam (lr 1e-2, 200 epochs of mini-batches of 32), then
// the prediction every user writes next, a 2000 sq ft house under no_grad. `dotnet format analyzers --diagnostics
// SCALE001 SCALE003` must fix the training and keep the prediction's meaning: its input scaled with the same scaler,
// its output mapped back to dollars.
using System;
using ScalingAnalyzer.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Consumer;

public static class SeedPrediction
{
    public static void Run()
    {
        torch.random.manual_seed(42);
        var x = torch.rand(100, 1) * 4500 + 500;
        var y = 100 * x + 20000 + torch.randn(100, 1) * 10000;
        var model = nn.Linear(1, 1);
        var lossFunction = nn.MSELoss();
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
        const int batchSize = 32;
        var lastLoss = 0f;
        for (int epoch = 0; epoch < 200; epoch++)
        {
            for (long start = 0; start < 100; start += batchSize)
            {
                var length = Math.Min(batchSize, 100 - start);
                optimizer.zero_grad();
                var prediction = model.forward(x.narrow(0, start, length)); // expect SCALE001 at "x.narrow"
                var loss = lossFunction.forward(prediction, y.narrow(0, start, length)); // expect SCALE003 at "y.narrow"
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }
        }

        Console.WriteLine($"seed-final-loss {lastLoss:R}");
        using (torch.no_grad())
        {
            var house = torch.tensor(new float[] { 2000f }).reshape(1, 1);
            var price = model.forward(house).item<float>();
            Console.WriteLine($"price2000={price}");
        }

        var reference = LeastSquares.Fit(x.to_type(torch.float64), y.flatten().to_type(torch.float64));
        Console.WriteLine($"least-squares-price2000 {reference.Coefficients[0] * 2000 + reference.Intercept:R}");
    }
}
