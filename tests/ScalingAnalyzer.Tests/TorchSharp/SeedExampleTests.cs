using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// The seed article's programs, written in TorchSharp: house sizes 500..5000, prices 100·size + 20000 + noise,
/// nn.Linear(1, 1), Adam at lr 1e-3, 200 epochs of 4 mini-batches of 32 (800 steps).
/// </summary>
public class SeedExampleTests
{
    /// <summary>The seed program; {0} prepares the data after it is made, {1} and {2} are what forward and the loss see.</summary>
    internal static string SeedProgram(string preparation, string feature, string target) => $$"""
        using System;
        using TorchSharp;
        using static TorchSharp.torch;

        class Program
        {
            static void Main()
            {
                torch.random.manual_seed(42);
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000 + torch.randn(100, 1) * 10000;
        {{preparation}}
                var model = nn.Linear(1, 1);
                var lossFunction = nn.MSELoss();
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                const int batchSize = 32;
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    for (long start = 0; start < 100; start += batchSize)
                    {
                        var length = Math.Min(batchSize, 100 - start);
                        optimizer.zero_grad();
                        var prediction = model.forward({{feature}});
                        var loss = lossFunction.forward(prediction, {{target}});
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    private static DiagnosticResult Feature(int location) => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(location);

    private static DiagnosticResult Target(int location) => Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(location);

    [Fact]
    public Task Example1RawDataReportsTheFeature() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        SeedProgram("", "{|#0:x.narrow(0, start, length)|}", "y.narrow(0, start, length)"),
        expected: Feature(0).WithArguments("x.narrow(0, start, length)", "[500, 5000]", "model.forward",
            "values up to about 5000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task Example1RawDataReportsTheTarget() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        SeedProgram("", "x.narrow(0, start, length)", "{|#0:y.narrow(0, start, length)|}"),
        expected: Target(0).WithArguments("y.narrow(0, start, length)", "5.6e5", "800", "0.001", "0.8"));

    [Fact]
    public Task Example2StandardizedFeatureLeavesOnlyTheTarget() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        SeedProgram("        var xs = (x - x.mean()) / x.std();", "xs.narrow(0, start, length)", "y.narrow(0, start, length)"));

    [Fact]
    public Task Example2StandardizedFeatureStillReportsTheTarget() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        SeedProgram("        var xs = (x - x.mean()) / x.std();", "xs.narrow(0, start, length)", "{|#0:y.narrow(0, start, length)|}"),
        expected: Target(0).WithArguments("y.narrow(0, start, length)", "5.6e5", "800", "0.001", "0.8"));

    [Fact]
    public Task Example3MinMaxFeatureLeavesOnlyTheTarget() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        SeedProgram("        var xs = (x - x.min()) / (x.max() - x.min());", "xs.narrow(0, start, length)", "y.narrow(0, start, length)"));

    [Fact]
    public Task Example3MinMaxFeatureStillReportsTheTarget() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        SeedProgram("        var xs = (x - x.min()) / (x.max() - x.min());", "xs.narrow(0, start, length)", "{|#0:y.narrow(0, start, length)|}"),
        expected: Target(0).WithArguments("y.narrow(0, start, length)", "5.6e5", "800", "0.001", "0.8"));

    [Fact]
    public Task FeatureAndTargetStandardizedGiveNothing() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        SeedProgram("""
                    var xs = (x - x.mean()) / x.std();
                    var ys = (y - y.mean()) / y.std();
            """, "xs.narrow(0, start, length)", "ys.narrow(0, start, length)"));

    [Fact]
    public Task FeatureAndTargetStandardizedGiveNoFeatureWarning() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        SeedProgram("""
                    var xs = (x - x.mean()) / x.std();
                    var ys = (y - y.mean()) / y.std();
            """, "xs.narrow(0, start, length)", "ys.narrow(0, start, length)"));
}
