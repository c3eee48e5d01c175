using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// SCALE005 on the shapes public TorchSharp code gives evaluation and serving (dotnet/TorchSharpExamples: a Train and a
/// Test method sharing a model, <c>model.train()</c>/<c>model.eval()</c>, <c>no_grad</c>, test loops, Predict methods in
/// model classes, statistics kept in fields; the seed's regression): each positive beside the twin that must stay silent.
/// </summary>
public class TrainServeSkewIdiomTests
{
    private static Task Verify(string source) => Verify<TrainServeSkewAnalyzer>.AnalyzerAsync(source);

    /// <summary>A model class keeping its statistics in fields, as a hand-written pipeline would.</summary>
    private static string RegressorWithStatisticFields(string predict) => $$"""
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        public sealed class SizeRegressor
        {
            private readonly Sequential _network = nn.Sequential(("hidden", nn.Linear(1, 16)), ("relu", nn.ReLU()), ("output", nn.Linear(16, 1)));
            private Tensor _mean = torch.zeros(1);
            private Tensor _std = torch.ones(1);
            private Tensor _priceMean = torch.zeros(1);
            private Tensor _priceStd = torch.ones(1);

            public void Fit(float[] sizes, float[] prices, int epochs)
            {
                var x = torch.tensor(sizes).reshape(-1, 1);
                var y = torch.tensor(prices).reshape(-1, 1);
                _mean = x.mean(new long[] { 0 }, keepdim: true);
                _std = x.std(0, keepdim: true);
                var features = (x - _mean) / _std;
                _priceMean = y.mean(new long[] { 0 }, keepdim: true);
                _priceStd = y.std(0, keepdim: true);
                var targets = (y - _priceMean) / _priceStd;
                var optimizer = torch.optim.Adam(_network.parameters(), lr: 1e-2);
                _network.train();
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(_network.forward(features), targets);
                    loss.backward();
                    optimizer.step();
                }
            }

            public float[] Predict(float[] sizes)
            {
                _network.eval();
                using var _ = torch.no_grad();
                var x = torch.tensor(sizes).reshape(-1, 1);
        {{predict}}
            }
        }
        """;

    [Fact]
    public Task PredictWithoutTheFieldStatisticsIsReported() => Verify(RegressorWithStatisticFields("""
                return (_network.forward({|SCALE005:x|}) * _priceStd + _priceMean).data<float>().ToArray();
        """));

    [Fact]
    public Task PredictWithTheFieldStatisticsIsSilent() => Verify(RegressorWithStatisticFields("""
                return (_network.forward((x - _mean) / _std) * _priceStd + _priceMean).data<float>().ToArray();
        """));

    [Fact]
    public Task PredictReturningUnitsOfTheScaledTargetIsReported() => Verify(RegressorWithStatisticFields("""
                var scaled = _network.forward((x - _mean) / _std);
                return {|SCALE005:scaled.data<float>().ToArray()|};
        """));

    /// <summary>TorchSharpExamples' shape: Train and Test static methods sharing the model through parameters; Main wires them.</summary>
    private static string TrainThenTest(string test) => $$"""
        using System;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Regression
        {
            public static void Main()
            {
                torch.random.manual_seed(1);
                var sizes = torch.rand(800, 1) * 4500 + 500;
                var prices = 100 * sizes + 20000 + torch.randn(800, 1) * 10000;
                var testSizes = torch.rand(200, 1) * 4500 + 500;
                var testPrices = 100 * testSizes + 20000 + torch.randn(200, 1) * 10000;
                var sizeScaler = StandardScaler.Fit(sizes);
                var priceScaler = StandardScaler.Fit(prices);
                var model = nn.Sequential(("lin1", nn.Linear(1, 8)), ("relu", nn.ReLU()), ("lin2", nn.Linear(8, 1)));
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var loss = nn.MSELoss();
                var permutation = torch.randperm(800);
                for (int epoch = 1; epoch <= 20; epoch++)
                {
                    model.train();
                    for (int start = 0; start < 800; start += 64)
                    {
                        var batch = permutation.narrow(0, start, Math.Min(64, 800 - start));
                        optimizer.zero_grad();
                        var output = loss.call(model.call(sizeScaler.Transform(sizes).index_select(0, batch)), priceScaler.Transform(prices).index_select(0, batch));
                        output.backward();
                        optimizer.step();
                    }

                    model.eval();
                    using (torch.no_grad())
                    {
        {{test}}
                    }
                }
            }
        }
        """;

    [Fact]
    public Task ATestLossOnTheRawTestSetIsReported() => Verify(TrainThenTest("""
                        var testLoss = loss.call(model.call({|SCALE005:testSizes|}), priceScaler.Transform(testPrices));
                        Console.WriteLine($"epoch {epoch}: test loss {testLoss.ToSingle():F4}");
        """));

    [Fact]
    public Task ATestLossOnTheScaledTestSetIsSilent() => Verify(TrainThenTest("""
                        var testLoss = loss.call(model.call(sizeScaler.Transform(testSizes)), priceScaler.Transform(testPrices));
                        Console.WriteLine($"epoch {epoch}: test loss {testLoss.ToSingle():F4}");
        """));

    [Fact]
    public Task AnErrorInDollarsAgainstScaledUnitsIsReported() => Verify(TrainThenTest("""
                        var predicted = model.call(sizeScaler.Transform(testSizes));
                        var error = ({|SCALE005:predicted|} - testPrices).abs().mean();
                        Console.WriteLine($"epoch {epoch}: mean absolute error {error.ToSingle():F0} $");
        """));

    [Fact]
    public Task AnErrorInDollarsAfterInverseTransformIsSilent() => Verify(TrainThenTest("""
                        var predicted = priceScaler.InverseTransform(model.call(sizeScaler.Transform(testSizes)));
                        var error = (predicted - testPrices).abs().mean();
                        Console.WriteLine($"epoch {epoch}: mean absolute error {error.ToSingle():F0} $");
        """));

    [Fact]
    public Task AScalerRefittedOnTheTestSetIsReported() => Verify(TrainThenTest("""
                        var testScaler = StandardScaler.Fit(testSizes);
                        var predicted = priceScaler.InverseTransform(model.call({|SCALE005:testScaler.Transform(testSizes)|}));
                        Console.WriteLine(predicted.mean().ToSingle());
        """));

    [Fact]
    public Task PrintingPredictionsThroughToStringIsReported() => Verify(TrainThenTest("""
                        var predicted = model.call(sizeScaler.Transform(testSizes.narrow(0, 0, 5)));
                        Console.WriteLine({|SCALE005:predicted|}.ToString());
        """));

    [Fact]
    public Task MinMaxByHandThenRawIsReported() => Verify("""
        using System;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Temperatures
        {
            public static void Run(float[] readings, float[] next)
            {
                var x = torch.tensor(readings).reshape(-1, 1);
                var y = torch.tensor(next).reshape(-1, 1);
                var (xMin, xMax) = x.aminmax(0, keepdim: true);
                var xScaled = (x - xMin) / (xMax - xMin);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.SGD(model.parameters(), learningRate: 0.1);
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.l1_loss(model.forward(xScaled), y);
                    loss.backward();
                    optimizer.step();
                }

                using var _ = torch.no_grad();
                var tomorrow = torch.tensor(new[] { 21.5f }).reshape(1, 1);
                Console.WriteLine(model.forward({|SCALE005:tomorrow|}).item<float>());
                Console.WriteLine(model.forward((tomorrow - xMin) / (xMax - xMin)).item<float>());
            }
        }
        """);

    [Fact]
    public Task StdMeanTupleAndTheTestSetsOwnStatisticsIsReported() => Verify("""
        using System;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Loads
        {
            public static void Run()
            {
                var x = torch.rand(256, 3) * 1000;
                var y = x.sum(1, keepdim: true) / 3000f;
                var xTest = torch.rand(64, 3) * 1000;
                var (std, mean) = torch.std_mean(x, 0, keepdim: true);
                var model = nn.Linear(3, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 300; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward((x - mean) / std), y);
                    loss.backward();
                    optimizer.step();
                }

                using var _ = torch.no_grad();
                var (testStd, testMean) = torch.std_mean(xTest, 0, keepdim: true);
                var skewed = model.forward({|SCALE005:(xTest - testMean) / testStd|});
                var consistent = model.forward((xTest - mean) / std);
                Console.WriteLine((skewed - consistent).abs().max().item<float>());
            }
        }
        """);

    /// <summary>The model a training saves and a service loads from the same file (TorchSharpExamples' save/load).</summary>
    private static string SavedAndLoaded(string serve) => $$"""
        using System;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Training
        {
            public const string ModelPath = "house-prices.model.bin";

            public static void Run()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = (100 * x + 20000) / 1e5f;
                var xScaler = StandardScaler.Fit(x);
                xScaler.Save("house-prices.sizes.json");
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(xScaler.Transform(x)), y);
                    loss.backward();
                    optimizer.step();
                }
                model.save(ModelPath);
            }
        }

        public static class PriceService
        {
            public static float Price(float size)
            {
                var model = nn.Linear(1, 1);
                model.load(Training.ModelPath);
                model.eval();
                using var _ = torch.no_grad();
                var house = torch.tensor(new[] { size }).reshape(1, 1);
        {{serve}}
            }
        }
        """;

    [Fact]
    public Task AServiceFeedingRawInputToTheSavedModelIsReported() => Verify(SavedAndLoaded("""
                return model.forward({|SCALE005:house|}).item<float>() * 1e5f;
        """));

    [Fact]
    public Task AServiceScalingWithTheSavedScalerIsSilent() => Verify(SavedAndLoaded("""
                var sizes = StandardScaler.Load("house-prices.sizes.json");
                return model.forward(sizes.Transform(house)).item<float>() * 1e5f;
        """));

    /// <summary>A Predict method handed a tensor: its caller may have scaled it, so nothing is said.</summary>
    [Fact]
    public Task APredictMethodTakingATensorIsSilent() => Verify("""
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        public sealed class Model
        {
            private readonly Linear _linear = nn.Linear(2, 1);

            public void Train(Tensor x, Tensor y)
            {
                var scaler = StandardScaler.Fit(x);
                var optimizer = torch.optim.Adam(_linear.parameters(), lr: 1e-2);
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(_linear.forward(scaler.Transform(x)), y);
                    loss.backward();
                    optimizer.step();
                }
            }

            public Tensor Predict(Tensor scaledFeatures)
            {
                using var _ = torch.no_grad();
                return _linear.forward(scaledFeatures);
            }
        }
        """);

    /// <summary>TorchSharpExamples' MNIST test loop: batches from a data loader, whose scaling the analysis cannot see.</summary>
    [Fact]
    public Task ATestLoopOverADataLoaderIsSilent() => Verify("""
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Mnist
        {
            public static void Run(IEnumerable<(Tensor Data, Tensor Label)> train, IEnumerable<(Tensor Data, Tensor Label)> test)
            {
                var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10));
                var optimizer = torch.optim.Adam(model.parameters());
                var loss = nn.CrossEntropyLoss();
                model.train();
                foreach (var (data, label) in train)
                {
                    optimizer.zero_grad();
                    var output = loss.call(model.call(data / 255f), label);
                    output.backward();
                    optimizer.step();
                }

                model.eval();
                var correct = 0L;
                using (torch.no_grad())
                {
                    foreach (var (data, label) in test)
                    {
                        var prediction = model.call(data / 255f);
                        correct += prediction.argmax(1).eq(label).sum().ToInt64();
                    }
                }
                Console.WriteLine($"accuracy {correct}");
            }
        }
        """);
}
