using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>SCALE005 fixes: the served input goes through the training scaler; an output used as original units is mapped back.</summary>
public class TrainServeSkewFixTests
{
    private static Task RunAsync(string source, string fixedSource, string? key = null, int fixAllIterations = 1)
        => ScalingFixTest.RunAsync(source, fixedSource, key, fixAllIterations: fixAllIterations, analyzer: new TrainServeSkewAnalyzer());

    private static string Program(string scaling, string serve, string usings = "using ScalingAnalyzer.Runtime;\n") => $$"""
        using System;
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        public static class HousePrices
        {
            public static void Run()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
                var xTest = torch.rand(20, 1) * 4500 + 500;
        {{scaling}}
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(xScaled), yScaled);
                    loss.backward();
                    optimizer.step();
                }

                using var _ = torch.no_grad();
        {{serve}}
            }
        }
        """;

    private const string Runtime = """
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
                var yScaler = StandardScaler.Fit(y);
                var yScaled = yScaler.Transform(y);
        """;

    private const string ByHand = """
                var xMean = x.mean(new long[] { 0 }, keepdim: true);
                var xStd = x.std(0, keepdim: true);
                var xScaled = (x - xMean) / xStd;
                var yMean = y.mean(new long[] { 0 }, keepdim: true);
                var yStd = y.std(0, keepdim: true);
                var yScaled = (y - yMean) / yStd;
        """;

    [Fact]
    public Task ARawInputGoesThroughTheTrainingScaler() => RunAsync(
        Program(Runtime, """
                Console.WriteLine(yScaler.InverseTransform(model.forward({|SCALE005:xTest|})));
        """),
        Program(Runtime, """
                Console.WriteLine(yScaler.InverseTransform(model.forward(xScaler.Transform(xTest))));
        """),
        TrainServeSkewFixer.ScaleInputEquivalenceKey);

    [Fact]
    public Task ARawInputGoesThroughTheHandWrittenStatistics() => RunAsync(
        Program(ByHand, """
                Console.WriteLine(model.forward({|SCALE005:xTest|}) * yStd + yMean);
        """, usings: ""),
        Program(ByHand, """
                Console.WriteLine(model.forward((xTest - xMean) / xStd) * yStd + yMean);
        """, usings: ""),
        TrainServeSkewFixer.ScaleInputEquivalenceKey);

    [Fact]
    public Task APrintedOutputIsMappedBack() => RunAsync(
        Program(Runtime, """
                var price = model.forward(xScaler.Transform(xTest)).mean().item<float>();
                Console.WriteLine($"mean price {{|SCALE005:price|}}");
        """),
        Program(Runtime, """
                var price = yScaler.InverseTransform(model.forward(xScaler.Transform(xTest))).mean().item<float>();
                Console.WriteLine($"mean price {price}");
        """),
        TrainServeSkewFixer.MapOutputBackEquivalenceKey);

    [Fact]
    public Task APrintedOutputIsMappedBackByHand() => RunAsync(
        Program(ByHand, """
                var price = model.forward((xTest - xMean) / xStd).mean().item<float>();
                Console.WriteLine($"mean price {{|SCALE005:price|}}");
        """, usings: ""),
        Program(ByHand, """
                var price = (model.forward((xTest - xMean) / xStd) * yStd + yMean).mean().item<float>();
                Console.WriteLine($"mean price {price}");
        """, usings: ""),
        TrainServeSkewFixer.MapOutputBackEquivalenceKey);

    /// <summary>A scaler fitted on the test set itself: the fix would have to replace it, which is the user's call.</summary>
    [Fact]
    public Task InputScaledWithOtherStatisticsGetsNoFix() => RunAsync(
        Program(Runtime, """
                var testScaler = StandardScaler.Fit(xTest);
                Console.WriteLine(yScaler.InverseTransform(model.forward({|SCALE005:testScaler.Transform(xTest)|})));
        """),
        Program(Runtime, """
                var testScaler = StandardScaler.Fit(xTest);
                Console.WriteLine(yScaler.InverseTransform(model.forward({|SCALE005:testScaler.Transform(xTest)|})));
        """),
        fixAllIterations: 0);

    private static string Predictor(string predict) => $$"""
        using System;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        #nullable enable
        public sealed class HousePriceModel
        {
            private readonly Linear _model = nn.Linear(1, 1);
            private StandardScaler? _sizeScaler;
            private StandardScaler? _priceScaler;

            public void Train(Tensor sizes, Tensor prices)
            {
                _sizeScaler = StandardScaler.Fit(sizes);
                _priceScaler = StandardScaler.Fit(prices);
                var features = _sizeScaler.Transform(sizes);
                var targets = _priceScaler.Transform(prices);
                var optimizer = torch.optim.Adam(_model.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(_model.forward(features), targets);
                    loss.backward();
                    optimizer.step();
                }
            }

            public float Predict(float size)
            {
                using var _ = torch.no_grad();
        {{predict}}
            }
        }
        """;

    [Fact]
    public Task APredictMethodUsesTheScalerField() => RunAsync(
        Predictor("""
                var input = torch.tensor(new[] { size }).reshape(1, 1);
                return _priceScaler!.InverseTransform(_model.forward({|SCALE005:input|})).item<float>();
        """),
        Predictor("""
                var input = torch.tensor(new[] { size }).reshape(1, 1);
                return _priceScaler!.InverseTransform(_model.forward(_sizeScaler!.Transform(input))).item<float>();
        """),
        TrainServeSkewFixer.ScaleInputEquivalenceKey);

    [Fact]
    public Task APredictMethodReturningScaledUnitsMapsBackWithTheScalerField() => RunAsync(
        Predictor("""
                var input = _sizeScaler!.Transform(torch.tensor(new[] { size }).reshape(1, 1));
                return {|SCALE005:_model.forward(input).item<float>()|};
        """),
        Predictor("""
                var input = _sizeScaler!.Transform(torch.tensor(new[] { size }).reshape(1, 1));
                return _priceScaler!.InverseTransform(_model.forward(input)).item<float>();
        """),
        TrainServeSkewFixer.MapOutputBackEquivalenceKey);
}
