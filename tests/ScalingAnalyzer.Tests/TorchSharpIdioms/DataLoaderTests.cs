using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// Mini-batch training through torch.utils.data: TensorDataset + DataLoader, batches read as batch[0] / batch[1],
/// as the TorchSharp examples and tests write them. The batch carries the bound and scaling of the tensor the dataset
/// was made from.
/// </summary>
public class DataLoaderTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);
    private static DiagnosticResult Scale004() => new DiagnosticResult("SCALE004", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0);

    internal const string Magnitude5000 = "values up to about 5000 make gradient steps overshoot or barely move its weights";

    /// <summary>A regression trained in mini-batches from a DataLoader over a TensorDataset of (features, prices).</summary>
    internal static string LoaderProgram(string prepare, string feature = "batch[0]", string dataset = "torch.utils.data.TensorDataset(features, prices)", string loader = "torch.utils.data.DataLoader(dataset, 32, shuffle: true)", string loop = "foreach (var batch in loader)", string members = "", string readBatch = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        class HousePrices
        {
            static void Main()
            {
        {{prepare}}
                var dataset = {{dataset}};
                var loader = {{loader}};

                var model = Sequential(("fc1", Linear(1, 16)), ("relu", ReLU()), ("fc2", Linear(16, 1)));
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                var criterion = MSELoss();

                for (int epoch = 1; epoch <= 20; epoch++)
                {
                    model.train();
                    {{loop}}
                    {
                        {{readBatch}}
                        optimizer.zero_grad();
                        var output = model.forward({{feature}});
                        var loss = criterion.forward(output, batch[1]);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        {{members}}
        }
        """;

    internal const string RawSizes = """
                var features = torch.rand(1000, 1) * 4500 + 500;
                var prices = features * 0.05 + torch.randn(1000, 1);
        """;

    [Fact]
    public Task RawTensorsThroughALoaderAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram(RawSizes, feature: "{|#0:batch[0]|}"),
        expected: Scale001().WithArguments("batch[0]", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task StandardizedTensorsThroughALoaderAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram("""
                var raw = torch.rand(1000, 1) * 4500 + 500;
                var features = (raw - raw.mean()) / raw.std();
                var prices = raw * 0.05 + torch.randn(1000, 1);
        """));

    [Fact]
    public Task MinMaxScaledTensorsThroughALoaderAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram("""
                var raw = torch.rand(1000, 1) * 4500 + 500;
                var features = (raw - raw.min()) / (raw.max() - raw.min());
                var prices = raw * 0.05;
        """));

    [Fact]
    public Task UnitScaleDataThroughALoaderIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram("""
                var features = torch.rand(1000, 1);
                var prices = features * 3 + 1;
        """));

    [Fact]
    public Task ABatchReadIntoALocalIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram(RawSizes, feature: "{|#0:data|}", readBatch: "var data = batch[0].to(torch.CPU);"),
        expected: Scale001().WithArguments("data", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ABatchDeconstructedInTheForeachIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram(RawSizes, feature: "{|#0:data|}", loop: "foreach (var (data, target) in loader)").Replace("batch[1]", "target") + """

        static class BatchExtensions
        {
            public static void Deconstruct(this IList<Tensor> batch, out Tensor data, out Tensor target)
            {
                data = batch[0];
                target = batch[1];
            }
        }
        """,
        expected: Scale001().WithArguments("data", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ALoaderMadeWithNewIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram(RawSizes, feature: "{|#0:batch[0]|}", loader: "new TorchSharp.Modules.IterableDataLoader(dataset, 64, shuffle: true)"),
        expected: Scale001().WithArguments("batch[0]", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task RunTimeDataThroughALoaderIsSuggested() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram("""
                var sizes = System.IO.File.ReadAllLines("houses.csv").Select(line => float.Parse(line.Split(',')[0])).ToArray();
                var features = torch.tensor(sizes).reshape(-1, 1);
                var prices = torch.rand(sizes.Length, 1);
        """, feature: "{|#0:batch[0]|}"),
        expected: Scale004().WithArguments("batch[0]", "'sizes'", "model.forward"));

    [Fact]
    public Task TheLabelPositionIsNotAFeature() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram("""
                var features = torch.rand(1000, 1);
                var prices = torch.rand(1000, 1) * 4500 + 500;
        """));

    [Fact]
    public Task ADatasetOfUnknownTensorsIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram("""
                var features = Load();
                var prices = Load();
        """, members: """
            static Tensor Load() => torch.load("houses.pt");
        """));

    [Fact]
    public Task ABatchScaledInTheLoopIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderProgram(RawSizes, feature: "(batch[0] - 500) / 4500"));

    /// <summary>The loader handed to a training helper, as the TorchSharp examples' Train(model, optimizer, loss, loader, epoch).</summary>
    internal static string LoaderThroughHelper(string prepare, string argument) => $$"""
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        class HousePrices
        {
            static void Main()
            {
        {{prepare}}
                var dataset = torch.utils.data.TensorDataset(features, prices);
                var loader = torch.utils.data.DataLoader(dataset, 32, shuffle: true);
                var model = Sequential(Linear(1, 16), ReLU(), Linear(16, 1));
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                for (int epoch = 1; epoch <= 20; epoch++)
                    Train(model, optimizer, MSELoss(), {{argument}}, epoch);
            }

            private static void Train(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> criterion, IterableDataLoader dataLoader, int epoch)
            {
                model.train();
                foreach (var batch in dataLoader)
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(batch[0]), batch[1]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public Task ALoaderHandedToATrainingHelperIsReportedAtTheArgument() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderThroughHelper(RawSizes, "{|#0:loader|}"),
        expected: Scale001().WithArguments("loader", "[500, 5000]", "model.forward in Train", Magnitude5000));

    [Fact]
    public Task AScaledLoaderHandedToATrainingHelperIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        LoaderThroughHelper("""
                var raw = torch.rand(1000, 1) * 4500 + 500;
                var features = (raw - raw.mean()) / raw.std();
                var prices = torch.rand(1000, 1);
        """, "loader"));

    private static string TupleDatasetWithCollate(string collateBody) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        sealed class Houses : torch.utils.data.Dataset<(Tensor, Tensor)>
        {
            private readonly Tensor _x = torch.rand(64, 1) * 4500 + 500;
            private readonly Tensor _y = torch.rand(64, 1);

            public override long Count => 64;

            public override (Tensor, Tensor) GetTensor(long index) => (_x[index], _y[index]);
        }

        class Program
        {
            static (Tensor, Tensor) Collate(IEnumerable<(Tensor, Tensor)> items, Device device)
            {
                var data = torch.stack(items.Select(item => item.Item1));
                var target = torch.stack(items.Select(item => item.Item2));
                {{collateBody}}
            }

            static void Main()
            {
                using var loader = new DataLoader<(Tensor, Tensor), (Tensor, Tensor)>(new Houses(), 16, Collate, shuffle: true);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
                for (var epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var (data, target) in loader)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward({|#0:data|}), target);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    [Fact]
    public Task ATupleDatasetsBatchesAreWhatItsCollateMakes() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        TupleDatasetWithCollate("return (data, target);"),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0).WithArguments("data", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ACollateThatStandardizesItsBatchIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        TupleDatasetWithCollate("return ((data - data.mean()) / data.std(), target);").Replace("{|#0:data|}", "data"));
}
