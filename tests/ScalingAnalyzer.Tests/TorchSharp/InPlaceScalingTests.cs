using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// Scaling written as a chain of in-place calls in one statement (found by the real-world sweep): every call of the
/// chain changes the variable, not only the first.
/// </summary>
public class InPlaceScalingTests
{
    private const string RawData = "        var x = torch.rand(100, 1) * 4500 + 500;\n        var y = (x - 500) / 4500;\n";

    [Theory]
    [InlineData("x.sub_(500).div_(4500);")]
    [InlineData("x.sub_(x.mean()).div_(x.std());")]
    [InlineData("var (std, mean) = torch.std_mean(x); x.sub_(mean).div_(std);")]
    [InlineData("var mn = x.min(); var mx = x.max(); x.sub_(mn).div_(mx - mn);")]
    [InlineData("x.sub_(500).div_(45).div_(100);")]
    public Task AChainOfInPlaceCallsScalesTheVariable(string scaling) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(RawData + "        " + scaling + "\n" + Loop("x")));

    [Fact]
    public Task AChainThatStopsShortOfUnitScaleIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(RawData + "        x.sub_(500).div_(2);\n" + Loop("{|#0:x|}")),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[0, 2200]", "model.forward", "values up to about 2200 make gradient steps overshoot or barely move its weights"));
}
