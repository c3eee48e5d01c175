using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// SCALE005, train/serve skew, on programs written the way TorchSharp code evaluates and serves models (TorchSharpExamples'
/// test loops under <c>eval()</c> and <c>no_grad</c>, Predict methods of model classes): positives and their
/// consistent twins side by side.
/// </summary>
public class TrainServeSkewTests
{
    private static Task Verify(string source) => Verify<TrainServeSkewAnalyzer>.AnalyzerAsync(source);

    /// <summary>A regression trained in a method on (scaled) <paramref name="feature"/> and <paramref name="target"/>, then <paramref name="after"/>.</summary>
    private static string Regression(string scaling, string feature, string target, string after, string usings = "using ScalingAnalyzer.Runtime;\n") => $$"""
        using System;
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        public static class HousePrices
        {
            public static void Run()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000 + torch.randn(100, 1) * 10000;
                var xTest = torch.rand(20, 1) * 4500 + 500;
                var yTest = 100 * xTest + 20000;
        {{scaling}}
                var model = nn.Linear(1, 1);
                var lossFunction = nn.MSELoss();
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = lossFunction.forward(model.forward({{feature}}), {{target}});
                    loss.backward();
                    optimizer.step();
                    Console.WriteLine($"epoch {epoch}: loss {loss.item<float>()}");
                }

                model.eval();
        {{after}}
            }
        }
        """;

    private const string RuntimeScalers = """
                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
                var yScaler = StandardScaler.Fit(y);
                var yScaled = yScaler.Transform(y);
        """;

    private const string HandWritten = """
                var xMean = x.mean(new long[] { 0 }, keepdim: true);
                var xStd = x.std(0, keepdim: true);
                var xScaled = (x - xMean) / xStd;
                var yMean = y.mean(new long[] { 0 }, keepdim: true);
                var yStd = y.std(0, keepdim: true);
                var yScaled = (y - yMean) / yStd;
        """;

    // ---- inputs, within a method ----

    [Fact]
    public Task RawInputToAModelTrainedOnScaledInputIsReported() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using (torch.no_grad())
                {
                    var house = torch.tensor(new float[] { 2000f }).reshape(1, 1);
                    var price = yScaler.InverseTransform(model.forward({|SCALE005:house|})).item<float>();
                    Console.WriteLine($"price2000={price}");
                }
        """));

    [Fact]
    public Task TheSameScalersTransformIsSilent() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using (torch.no_grad())
                {
                    var house = torch.tensor(new float[] { 2000f }).reshape(1, 1);
                    var price = yScaler.InverseTransform(model.forward(xScaler.Transform(house))).item<float>();
                    Console.WriteLine($"price2000={price}");
                }
        """));

    [Fact]
    public Task ARawTestSetIsReported() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var testLoss = lossFunction.forward(model.forward({|SCALE005:xTest|}), yScaler.Transform(yTest));
                Console.WriteLine($"test loss {testLoss.item<float>()}");
        """));

    [Fact]
    public Task AScalerFittedOnTheTestSetItselfIsReported() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var testScaler = StandardScaler.Fit(xTest);
                var testLoss = lossFunction.forward(model.forward({|SCALE005:testScaler.Transform(xTest)|}), yScaler.Transform(yTest));
                Console.WriteLine($"test loss {testLoss.item<float>()}");
        """));

    [Fact]
    public Task TestDataStandardizedWithItsOwnStatisticsIsReported() => Verify(Regression(HandWritten, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var testLoss = lossFunction.forward(model.forward({|SCALE005:(xTest - xTest.mean()) / xTest.std()|}), (yTest - yMean) / yStd);
                Console.WriteLine($"test loss {testLoss.item<float>()}");
        """, usings: ""));

    [Fact]
    public Task TestDataStandardizedWithTheTrainingStatisticsIsSilent() => Verify(Regression(HandWritten, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var testLoss = lossFunction.forward(model.forward((xTest - xMean) / xStd), (yTest - yMean) / yStd);
                Console.WriteLine($"test loss {testLoss.item<float>()}");
        """, usings: ""));

    [Fact]
    public Task AModelTrainedOnRawDataUsedOnRawDataIsSilent() => Verify(Regression("", "x / 5000f", "y / 1e5f", """
                using var _ = torch.no_grad();
                var predictions = model.forward(xTest / 5000f) * 1e5f;
                Console.WriteLine(predictions);
        """, usings: ""));

    [Fact]
    public Task ADifferentConstantDivisorIsReported() => Verify(Regression("", "x / 5000f", "y / 1e5f", """
                using var _ = torch.no_grad();
                var predictions = model.forward({|SCALE005:xTest / 1000f|}) * 1e5f;
                Console.WriteLine(predictions);
        """, usings: ""));

    // ---- outputs, within a method ----

    [Fact]
    public Task APrintedPredictionOfAModelTrainedOnAScaledTargetIsReported() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using (torch.no_grad())
                {
                    var house = torch.tensor(new float[] { 2000f }).reshape(1, 1);
                    var price = model.forward(xScaler.Transform(house)).item<float>();
                    Console.WriteLine($"price2000={{|SCALE005:price|}}");
                }
        """));

    [Fact]
    public Task PredictionsComparedWithRawTargetsAreReported() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var predictions = model.forward(xScaler.Transform(xTest));
                var meanAbsoluteError = ({|SCALE005:predictions|} - yTest).abs().mean().item<float>();
                Console.WriteLine($"MAE {meanAbsoluteError}");
        """));

    [Fact]
    public Task AnEvaluationLossAgainstTheRawTestTargetIsReported() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var testLoss = lossFunction.forward({|SCALE005:model.forward(xScaler.Transform(xTest))|}, yTest);
                Console.WriteLine($"test loss {testLoss.item<float>()}");
        """));

    [Fact]
    public Task PredictionsComparedWithScaledTargetsAreSilent() => Verify(Regression(RuntimeScalers, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var predictions = model.forward(xScaler.Transform(xTest));
                var error = (predictions - yScaler.Transform(yTest)).abs().mean().item<float>();
                Console.WriteLine($"standardized MAE {error}");
        """));

    [Fact]
    public Task APredictionMappedBackByHandIsSilent() => Verify(Regression(HandWritten, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var price = (model.forward((xTest - xMean) / xStd) * yStd + yMean).mean().item<float>();
                Console.WriteLine($"mean price {price}");
        """, usings: ""));

    [Fact]
    public Task APredictionPrintedRawByHandWrittenScalingIsReported() => Verify(Regression(HandWritten, "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var price = model.forward((xTest - xMean) / xStd).mean().item<float>();
                Console.WriteLine("mean price " + {|SCALE005:price|});
        """, usings: ""));

    [Fact]
    public Task AModuleThatNormalizesItsInputIsSilent() => Verify(Regression(RuntimeScalers.Replace("var model", "var unused"), "xScaled", "yScaled", """
                using var _ = torch.no_grad();
                var other = nn.Sequential(nn.BatchNorm1d(1), nn.Linear(1, 1));
                Console.WriteLine(other.forward(xTest));
        """));

    // ---- across the methods of a class ----

    private static string Predictor(string train, string predict) => $$"""
        using System;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        public sealed class HousePriceModel
        {
            private readonly Linear _model = nn.Linear(1, 1);
            private StandardScaler? _sizeScaler;
            private StandardScaler? _priceScaler;

            public void Train(Tensor sizes, Tensor prices)
            {
        {{train}}
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
                _model.eval();
                using var _ = torch.no_grad();
        {{predict}}
            }
        }
        """;

    private const string TrainWithFieldScalers = """
                _sizeScaler = StandardScaler.Fit(sizes);
                _priceScaler = StandardScaler.Fit(prices);
                var features = _sizeScaler.Transform(sizes);
                var targets = _priceScaler.Transform(prices);
        """;

    [Fact]
    public Task APredictMethodFeedingRawNumbersIsReported() => Verify(Predictor(TrainWithFieldScalers, """
                var input = torch.tensor(new[] { size }).reshape(1, 1);
                return _priceScaler!.InverseTransform(_model.forward({|SCALE005:input|})).item<float>();
        """));

    [Fact]
    public Task APredictMethodUsingTheFieldScalersIsSilent() => Verify(Predictor(TrainWithFieldScalers, """
                var input = _sizeScaler!.Transform(torch.tensor(new[] { size }).reshape(1, 1));
                return _priceScaler!.InverseTransform(_model.forward(input)).item<float>();
        """));

    [Fact]
    public Task APredictMethodReturningScaledUnitsIsReported() => Verify(Predictor(TrainWithFieldScalers, """
                var input = _sizeScaler!.Transform(torch.tensor(new[] { size }).reshape(1, 1));
                return {|SCALE005:_model.forward(input).item<float>()|};
        """));

    [Fact]
    public Task AClassTrainedOnRawDataServingRawDataIsSilent() => Verify(Predictor("""
                var features = sizes;
                var targets = prices;
        """, """
                var input = torch.tensor(new[] { size }).reshape(1, 1);
                return _model.forward(input).item<float>();
        """));

    // ---- pixels divided by 255 ----

    [Fact]
    public Task RawPixelsToAModelTrainedOnPixelsOver255AreReported() => Verify($$"""
        using System;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Digits
        {
            public static void Run(byte[] trainPixels, long[] trainLabels, byte[] testPixels)
            {
                var images = torch.tensor(trainPixels).reshape(-1, 784).to_type(ScalarType.Float32);
                var labels = torch.tensor(trainLabels);
                var model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
                var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.01);
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(images / 255f), labels);
                    loss.backward();
                    optimizer.step();
                }

                model.eval();
                using var _ = torch.no_grad();
                var test = torch.tensor(testPixels).reshape(-1, 784).to_type(ScalarType.Float32);
                var predicted = model.forward({|SCALE005:test|}).argmax(1);
                var consistent = model.forward(test / 255f).argmax(1);
                Console.WriteLine(predicted.ToString() + consistent.ToString());
            }
        }
        """);

    /// <summary>The runtime's scaler as the model's first layer (scaler.AsModule()): the model scales its own input, raw data is right.</summary>
    [Fact]
    public Task AModelWithTheScalerModuleFirstIsSilentForBothRules() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync("""
        using System;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class HousePrices
        {
            public static void Run()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = (100 * x + 20000) / 1e5f;
                var xScaler = StandardScaler.Fit(x);
                var model = nn.Sequential(("scale", xScaler.AsModule()), ("linear", nn.Linear(1, 1)));
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(x), y);
                    loss.backward();
                    optimizer.step();
                }

                using var _ = torch.no_grad();
                Console.WriteLine(model.forward(torch.tensor(new float[] { 2000f }).reshape(1, 1)) * 1e5f);
            }
        }
        """);
}
