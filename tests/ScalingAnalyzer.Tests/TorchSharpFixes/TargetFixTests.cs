using ScalingAnalyzer.CodeFixes.Rules;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// SCALE003 fix: the loss gets the standardized target; the scaler stays in scope after the loop, and the predictions
/// the method returns (in dollars before the fix) are mapped back with it so that they keep their meaning.
/// </summary>
public class TargetFixTests
{
    [Fact]
    public Task StandardizesTheTargetAtTheLossOnly() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static Tensor Train()
            {
                var x = torch.rand(100, 1);
                var y = 100 * x + 20000;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var lossFunction = nn.MSELoss();
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var loss = lossFunction.forward(model.forward(x), {|SCALE003:y|});
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    System.Console.WriteLine(y.mean().item<float>());
                }

                return model.forward(x);
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static Tensor Train()
            {
                var x = torch.rand(100, 1);
                var y = 100 * x + 20000;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var lossFunction = nn.MSELoss();
                var yScaler = StandardScaler.Fit(y);
                var yScaled = yScaler.Transform(y);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var loss = lossFunction.forward(model.forward(x), yScaled);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    System.Console.WriteLine(y.mean().item<float>());
                }

                return yScaler.InverseTransform(model.forward(x));
            }
        }
        """, UnreachableTargetFixer.StandardizeTargetEquivalenceKey);

    /// <summary>Two rules, two equivalence keys: Fix All runs once per key.</summary>
    [Fact]
    public Task HelperMethodCaseScalesAtTheCaller() => ScalingFixTest.RunAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        class Program
        {
            static void Main()
            {
                var sizes = torch.rand(100, 1) * 4500 + 500;
                var prices = 100 * sizes + 20000;
                var model = nn.Linear(1, 1);
                // Train on raw data.
                Fit(model, {|SCALE001:sizes|}, {|SCALE003:prices|});
                System.Console.WriteLine(model.forward(sizes));
            }

            static void Fit(nn.Module<Tensor, Tensor> model, Tensor features, Tensor target)
            {
                var optimizer = torch.optim.Adam(model.parameters());
                for (int step = 0; step < 100; step++)
                {
                    var loss = nn.functional.mse_loss(model.forward(features), target);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """, """
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        class Program
        {
            static void Main()
            {
                var sizes = torch.rand(100, 1) * 4500 + 500;
                var prices = 100 * sizes + 20000;
                var model = nn.Linear(1, 1);
                var sizesScaler = StandardScaler.Fit(sizes);
                var sizesScaled = sizesScaler.Transform(sizes);
                var pricesScaler = StandardScaler.Fit(prices);
                var pricesScaled = pricesScaler.Transform(prices);
                // Train on raw data.
                Fit(model, sizesScaled, pricesScaled);
                System.Console.WriteLine(model.forward(sizes));
            }

            static void Fit(nn.Module<Tensor, Tensor> model, Tensor features, Tensor target)
            {
                var optimizer = torch.optim.Adam(model.parameters());
                for (int step = 0; step < 100; step++)
                {
                    var loss = nn.functional.mse_loss(model.forward(features), target);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """, fixAllIterations: 2);
}
