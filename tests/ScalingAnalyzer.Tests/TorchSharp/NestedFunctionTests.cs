using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// Local functions and lambdas: each is analysed as a method of its own, and a local function that receives the data
/// is followed like a helper method. What they capture from the enclosing method is unknown to them.
/// </summary>
public class NestedFunctionTests
{
    private const string RawData = """
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
        """;

    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    [Fact]
    public Task LocalFunctionTrainingOnItsOwnDataIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain($$"""
                Train();

                void Train()
                {
            {{RawData}}
            {{Loop("{|#0:x|}")}}
                }
            """),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task LambdaTrainingOnItsOwnDataIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain($$"""
                Action train = () =>
                {
            {{RawData}}
            {{Loop("{|#0:x|}")}}
                };
                train();
            """),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task LocalFunctionReceivingTheDataIsFollowedLikeAHelper() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain($$"""
            {{RawData}}
                Train({|#0:x|}, y);

                static void Train(Tensor features, Tensor targets)
                {
            {{Loop("features", target: "targets")}}
                }
            """),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward in Train", Magnitude5000));

    [Fact]
    public Task ScaledDataPassedToALocalFunctionIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain($$"""
            {{RawData}}
                Train((x - x.mean()) / x.std(), y);

                static void Train(Tensor features, Tensor targets)
                {
            {{Loop("features", target: "targets")}}
                }
            """));

    [Fact]
    public Task DataCapturedFromTheEnclosingMethodIsUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain($$"""
            {{RawData}}
                Train();

                void Train()
                {
            {{Loop("x")}}
                }
            """));

    [Fact]
    public Task TheEnclosingLoopAndTheLambdaAreEachReportedOnce() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain($$"""
            {{RawData}}
            {{Loop("{|#0:x|}")}}
                Func<int> again = () =>
                {
                    var x2 = torch.rand(100, 1) * 4500 + 500;
                    var y2 = 100 * x2 + 20000;
                    var model2 = nn.Linear(1, 1);
                    var optimizer2 = torch.optim.Adam(model2.parameters());
                    for (int epoch = 0; epoch < 10; epoch++)
                    {
                        var loss2 = nn.functional.mse_loss(model2.forward({|#1:x2|}), y2);
                        loss2.backward();
                        optimizer2.step();
                    }
                    return 0;
                };
            """),
        expected: new[]
        {
            Scale001().WithArguments("x", "[500, 5000]", "model.forward", Magnitude5000),
            Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(1).WithArguments("x2", "[500, 5000]", "model2.forward", Magnitude5000),
        });
}
