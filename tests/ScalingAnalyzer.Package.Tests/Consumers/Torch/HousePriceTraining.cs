// The seed's example 1 in TorchSharp: house sizes 500..5000 sq ft, prices about 100 $/sq ft + 20000 + noise,
// a linear model trained with Adam on the raw numbers.
using System;
using ScalingAnalyzer.Runtime;
using TorchSharp;

namespace Consumer;

public static class HousePriceTraining
{
    public static void Run()
    {
        torch.manual_seed(42);
        var X = torch.linspace(500, 5000, 100).reshape(-1, 1);
        var noise = torch.randn(100, 1) * 10000;
        var y = X * 100 + 20000 + noise;

        var model = torch.nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var lossFunction = torch.nn.MSELoss();
        var finalLoss = 0.0;
        for (var epoch = 0; epoch < 500; epoch++)
        {
            optimizer.zero_grad();
            var prediction = model.forward(X); // expect SCALE001 at "X)"
            var loss = lossFunction.forward(prediction, y); // expect SCALE003 at "y)"
            loss.backward();
            optimizer.step();
            finalLoss = loss.item<float>();
        }

        // The best any linear model can do on this data: with a standardized target the training loss reaches
        // 1 - R² of the least-squares fit.
        var reference = LeastSquares.Fit(X.to_type(torch.float64), y.flatten().to_type(torch.float64));
        Console.WriteLine($"torch-final-loss {finalLoss:R}");
        Console.WriteLine($"least-squares-r2 {reference.RSquared:R}");
    }
}
