using ScalingAnalyzer.Runtime;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScalingAnalyzer.Tests.Leakage;

/// <summary>
/// The figures of docs/rules/SCALE006.md, from real training: house prices that rise with time, split by time (the
/// last fifth held out, with sizes and prices above any training row), min-max scaling of the size and the price, a
/// small network with a sigmoid output. Fitted on all rows (the leak), the scalers map the held-out prices into
/// [0, 1], where the sigmoid can reach them, and the held-out error looks smaller than the honest estimate (scalers
/// fitted on the training rows, SCALE006's fix) on the same rows; on the next period's rows, which no statistic saw,
/// the leaky pipeline errs three times as much as its held-out score said.
/// </summary>
public class LeakageMeasurementTests(ITestOutputHelper output)
{
    private const int TrainRows = 800, HeldOutRows = 200, NextRows = 200;

    [Fact]
    public void LeakedMinMaxStatisticsUnderestimateTheHeldOutError()
    {
        var (sizes, prices) = Houses(seed: 42);
        var leaked = TrainAndScore(sizes, prices, fitRows: TrainRows + HeldOutRows, seed: 7);
        var honest = TrainAndScore(sizes, prices, fitRows: TrainRows, seed: 7);

        output.WriteLine($"held-out RMSE, scalers fitted on all 1000 rows (leak): {leaked.HeldOut:F0} $");
        output.WriteLine($"held-out RMSE, scalers fitted on the 800 training rows:  {honest.HeldOut:F0} $");
        output.WriteLine($"next period's RMSE of the leaky pipeline:               {leaked.Next:F0} $");
        output.WriteLine($"next period's RMSE of the honest pipeline:              {honest.Next:F0} $");
        output.WriteLine($"underestimate: the leaky held-out RMSE is {honest.HeldOut / leaked.HeldOut:F1}x below the honest one and {leaked.Next / leaked.HeldOut:F1}x below its own error on the next period");

        Assert.True(leaked.HeldOut * 1.3 < honest.HeldOut, $"the leak should make the held-out error look at least 1.3x smaller: {leaked.HeldOut} vs {honest.HeldOut}");
        Assert.True(leaked.HeldOut * 2 < leaked.Next, $"the leaky pipeline should err more on rows no statistic saw: {leaked.HeldOut} vs {leaked.Next}");
    }

    /// <summary>Sizes growing with time (500 to 6000 sq ft over 1200 sales), prices 100 $/sq ft + 20000 + noise.</summary>
    private static (Tensor Sizes, Tensor Prices) Houses(int seed)
    {
        torch.random.manual_seed(seed);
        var count = TrainRows + HeldOutRows + NextRows;
        var time = torch.linspace(0, 1, count, dtype: ScalarType.Float32).reshape(-1, 1);
        var sizes = 500 + 5500 * time + 150 * torch.randn(count, 1);
        var prices = 100 * sizes + 20000 + 10000 * torch.randn(count, 1);
        return (sizes, prices);
    }

    /// <summary>
    /// Min-max scalers fitted on the first <paramref name="fitRows"/> rows, a network trained on the first 800, the
    /// RMSE in dollars on the next 200 (held out) and on the 200 after them (the next period).
    /// </summary>
    private static (double HeldOut, double Next) TrainAndScore(Tensor sizes, Tensor prices, int fitRows, int seed)
    {
        var sizeScaler = MinMaxScaler.Fit(sizes[..fitRows]);
        var priceScaler = MinMaxScaler.Fit(prices[..fitRows]);
        var x = sizeScaler.Transform(sizes);
        var y = priceScaler.Transform(prices);

        torch.random.manual_seed(seed);
        var model = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid());
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var xTrain = x[..TrainRows];
        var yTrain = y[..TrainRows];
        for (var epoch = 0; epoch < 2000; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(xTrain), yTrain);
            loss.backward();
            optimizer.step();
        }

        model.eval();
        using var noGrad = torch.no_grad();
        double Rmse(int from, int to)
        {
            var predicted = priceScaler.InverseTransform(model.forward(x[from..to]));
            return Math.Sqrt((predicted - prices[from..to]).pow(2).mean().item<float>());
        }
        return (Rmse(TrainRows, TrainRows + HeldOutRows), Rmse(TrainRows + HeldOutRows, TrainRows + HeldOutRows + NextRows));
    }
}
