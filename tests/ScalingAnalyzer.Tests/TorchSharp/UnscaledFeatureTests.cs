using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>SCALE001: bounded features far from unit scale, or with columns of very different scales.</summary>
public class UnscaledFeatureTests
{
    private static DiagnosticResult Scale001(int location = 0) => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(location);

    private static Task Reports(string source, params DiagnosticResult[] expected) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(source, expected: expected);

    private static Task Silent(string source) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(source);

    private const string RawData = """
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
        """;

    [Fact]
    public Task FullBatchFeatureIsReportedWithItsBound() => Reports(
        ProgramWithMain(RawData + Loop("{|#0:x|}")),
        Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task FeatureInsideEightNestedLoopsIsStillReported()
    {
        // Loop counters are widened on entry, so each loop converges in two rounds: eight nested loops stay well
        // inside the interpretation's work budget (four rounds per loop once made this take seconds).
        var open = string.Concat(Enumerable.Range(0, 8).Select(i => $"for (int i{i} = 0; i{i} < 2; i{i}++) {{ "));
        var close = new string('}', 8);
        return Reports(
            ProgramWithMain(RawData + $$"""
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                    {{open}}
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward({|#0:x|}), y);
                        loss.backward();
                        optimizer.step();
                    {{close}}
            """),
            Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));
    }

    [Fact]
    public Task CallOfASequentialIsATrainingInput() => Reports(
        ProgramWithMain(RawData + """
                    var model = nn.Sequential(nn.Linear(1, 8), nn.ReLU(), nn.Linear(8, 1));
                    var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.call({|#0:x|}), y);
                        loss.backward();
                        optimizer.step();
                    }
            """),
        Scale001().WithArguments("x", "[500, 5000]", "model.call", Magnitude5000));

    [Fact]
    public Task LiteralTwoDimensionalArrayIsBoundedPerColumn() => Reports(
        ProgramWithMain("""
                    var x = torch.tensor(new float[,] { { 0.01f, 2f }, { 0.05f, 8f }, { 0.03f, 5f } });
                    var y = torch.tensor(new float[] { 1f, 2f, 3f }).reshape(3, 1);
            """ + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        Scale001().WithArguments("x", "[0.01, 8]", "model.forward", "its columns differ in scale by about 160x (column 0 spans [0.01, 0.05], column 1 spans [2, 8])"));

    [Fact]
    public Task CatOfColumnsKeepsEachColumnsScale() => Reports(
        ProgramWithMain("""
                    var x = torch.cat(new[] { torch.rand(100, 1) * 0.01, torch.rand(100, 1) * 5 }, 1);
                    var y = torch.rand(100, 1);
            """ + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        Scale001().WithArguments("x", "[0, 5]", "model.forward", "its columns differ in scale by about 500x (column 0 spans [0, 0.01], column 1 spans [0, 5])"));

    [Fact]
    public Task ColumnsOfComparableScaleAreSilent() => Silent(
        ProgramWithMain("""
                    var x = torch.cat(new[] { torch.rand(100, 1), torch.rand(100, 1) * 5 }, 1);
                    var y = torch.rand(100, 1);
            """ + Loop("x", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task LinspaceReshapedKeepsItsRange() => Reports(
        ProgramWithMain("""
                    var x = torch.linspace(0, 1000, 100).unsqueeze(1);
                    var y = torch.rand(100, 1);
            """ + Loop("{|#0:x|}")),
        Scale001().WithArguments("x", "[0, 1000]", "model.forward", "values up to about 1000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task PixelsAsFloatAreReported() => Reports(
        ProgramWithMain("""
                    var x = torch.randint(0, 256, new long[] { 64, 784 }).to(ScalarType.Float32);
                    var y = torch.rand(64, 1);
            """ + Loop("{|#0:x|}", model: "nn.Linear(784, 1)")),
        Scale001().WithArguments("x", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task PixelsDividedBy255AreInRange() => Silent(
        ProgramWithMain("""
                    var x = torch.randint(0, 256, new long[] { 64, 784 }).to(ScalarType.Float32) / 255f;
                    var y = torch.rand(64, 1);
            """ + Loop("x", model: "nn.Linear(784, 1)")));

    [Fact]
    public Task IntegerTensorsAreIndicesNotFeatures() => Silent(
        ProgramWithMain("""
                    var x = torch.randint(0, 1000, new long[] { 64, 1 });
                    var y = torch.rand(64, 1);
            """ + Loop("x")));

    [Fact]
    public Task HandWrittenLossStillMakesTrainingContext() => Reports(
        ProgramWithMain(RawData + """
                    var model = nn.Linear(1, 1);
                    var optimizer = torch.optim.Adam(model.parameters());
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        var loss = (model.forward({|#0:x|}) - y).pow(2).mean();
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
            """),
        Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task RescaledAfterTheLoopIsStillRawInIt() => Reports(
        ProgramWithMain(RawData + Loop("{|#0:x|}") + """
                    x = x / 5000;
            """),
        Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task RescaledBeforeTheLoopIsScaledInIt() => Silent(ProgramWithMain(RawData + "        x = x / 5000;\n" + Loop("x")));

    [Fact]
    public Task StandardizedThroughLocalsInAnyOrder() => Silent(ProgramWithMain(RawData + """
                var std = x.std();
                var mean = x.mean();
                x = (x - mean) / std;
        """ + Loop("x")));

    [Fact]
    public Task StandardizedWithStdMean() => Silent(ProgramWithMain(RawData + """
                var (std, mean) = x.std_mean(true);
                var scaled = x.sub(mean).div(std);
        """ + Loop("scaled")));

    [Fact]
    public Task StandardizedWithVarianceThenSqrt() => Silent(ProgramWithMain(RawData + """
                var scaled = (x - x.mean()) / x.var().sqrt();
        """ + Loop("scaled")));

    [Fact]
    public Task MinMaxWithAminmax() => Silent(ProgramWithMain(RawData + """
                var (low, high) = x.aminmax(null, false);
                var scaled = (x - low) / (high - low);
        """ + Loop("scaled")));

    [Fact]
    public Task MaxAbsScaling() => Silent(ProgramWithMain(RawData + """
                var scaled = x / x.abs().max();
        """ + Loop("scaled")));

    [Fact]
    public Task InPlaceStandardization() => Silent(ProgramWithMain(RawData + """
                var mean = x.mean();
                var std = x.std();
                x.sub_(mean);
                x.div_(std);
        """ + Loop("x")));

    [Fact]
    public Task StatisticsOfOtherDataDoNotScale() => Reports(
        ProgramWithMain(RawData + """
                var other = torch.rand(100, 1);
                var shifted = x - other.mean();
        """ + Loop("{|#0:shifted|}")),
        Scale001().WithArguments("shifted", "[499, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task FunctionalNormalizeScales() => Silent(ProgramWithMain(RawData + Loop("nn.functional.normalize(x)")));

    [Fact]
    public Task BatchNormAsFirstLayerScales() => Silent(ProgramWithMain(RawData + Loop("x", model: "nn.Sequential(nn.BatchNorm1d(1), nn.Linear(1, 1))")));

    [Fact]
    public Task LayerNormAsFirstLayerScales() => Silent(ProgramWithMain(RawData + Loop("x", model: "nn.Sequential((\"norm\", nn.LayerNorm(1)), (\"linear\", nn.Linear(1, 1)))")));

    [Fact]
    public Task BatchNormLaterInTheModelDoesNotScale() => Reports(
        ProgramWithMain(RawData + Loop("{|#0:x|}", model: "nn.Sequential(nn.Linear(1, 8), nn.BatchNorm1d(8), nn.Linear(8, 1))")),
        Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task ModuleOutputsAreNotRawData() => Silent(ProgramWithMain("""
                var x = torch.rand(100, 1);
                var y = torch.rand(100, 1);
                var encoder = nn.Linear(1, 4);
                var encoded = encoder.forward(x) * 1000;
        """ + Loop("encoded", model: "nn.Linear(4, 1)")));

    [Fact]
    public Task MatmulOfRandomMatricesHasNoBelievableBound() => Silent(ProgramWithMain("""
                var x = torch.rand(100, 10).matmul(torch.rand(10, 1)) * 100;
                var y = torch.rand(100, 1);
        """ + Loop("x")));

    [Fact]
    public Task InferenceUnderNoGradIsNotTraining() => Silent(ProgramWithMain(RawData + """
                var scaled = (x - x.mean()) / x.std();
        """ + Loop("scaled") + """
                using (torch.no_grad())
                {
                    var test = model.forward(x);
                    test.backward();
                }
        """));

    [Fact]
    public Task UsingDeclarationOfNoGradCoversTheRestOfTheBlock() => Silent(ProgramWithMain(RawData + """
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                optimizer.step();
                using var noGrad = torch.no_grad();
                var prediction = model.forward(x);
                prediction.sum().backward();
        """));

    [Fact]
    public Task EvaluationWithoutBackwardIsSilent() => Silent(ProgramWithMain(RawData + """
                var model = nn.Linear(1, 1);
                model.eval();
                var prediction = model.forward(x);
                Console.WriteLine(prediction.mean().item<float>());
        """));

    [Fact]
    public Task BackwardWithoutOptimizerStepIsSilent() => Silent(ProgramWithMain(RawData + """
                var model = nn.Linear(1, 1);
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
        """));

    [Fact]
    public Task ForwardNotReachingTheBackwardedLossIsSilent() => Silent(ProgramWithMain(RawData + """
                var scaled = (x - x.mean()) / x.std();
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    var monitor = model.forward(x);
                    var loss = nn.functional.mse_loss(model.forward(scaled), y);
                    loss.backward();
                    optimizer.step();
                }
        """));

    [Fact]
    public Task BranchesJoinTheirRanges() => Reports(
        ProgramWithMain("""
                var x = torch.rand(100, 1);
                if (Environment.GetCommandLineArgs().Length > 1)
                    x = x * 300;
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}")),
        Scale001().WithArguments("x", "[0, 300]", "model.forward", "values up to about 300 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task ValuesGrowingInALoopAreWidenedToUnknown() => Silent(ProgramWithMain("""
                var x = torch.rand(100, 1);
                for (int i = 0; i < Environment.ProcessorCount; i++)
                    x = x * 2;
                var y = torch.rand(100, 1);
        """ + Loop("x")));

    [Fact]
    public Task SmallFeaturesAreSilent() => Silent(ProgramWithMain("""
                var x = torch.rand(100, 1) * 2 - 1;
                var y = torch.rand(100, 1);
        """ + Loop("x")));

    [Fact]
    public Task NothingIsRegisteredWithoutTorchSharp() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync("""
        class torch
        {
            public static float[] rand(int n) => new float[n];
        }
        class Program
        {
            static void Main() => torch.rand(3);
        }
        """, TestReferences.Net80);

    /// <summary>The test project compiles a library, where top-level statements are an error (CS8805) the analyzer must live with.</summary>
    [Fact]
    public Task TopLevelStatementsAreAnalysed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerIgnoringCompilerErrorsAsync("""
        using TorchSharp;
        using static TorchSharp.torch;

        var x = torch.rand(100, 1) * 4500 + 500;
        var y = 100 * x + 20000;
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters());
        for (int epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward({|#0:x|}), y);
            loss.backward();
            optimizer.step();
        }
        """,
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task UserModuleSubclassForwardIsATrainingInput() => Reports(
        ProgramWithMain(RawData + """
                var model = new Net();
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.call({|#0:x|}), y);
                    loss.backward();
                    optimizer.step();
                }
        """, """
            sealed class Net : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Linear _linear = nn.Linear(1, 1);
                public Net() : base(nameof(Net)) => RegisterComponents();
                public override Tensor forward(Tensor input) => _linear.forward(input);
            }
        """),
        Scale001().WithArguments("x", "[500, 5000]", "model.call", Magnitude5000));
}
