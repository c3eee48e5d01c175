using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// The text search that decides which code is bound at all (Analysis/TorchSharp/TrainingTextFilter.cs) may pass too much,
/// never too little: code that trains is analyzed however its names are written.
/// </summary>
public class TrainingTextFilterTests
{
    [Fact]
    public Task TrainingWrittenWithUnicodeEscapesIsStillAnalyzed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward({|#0:x|}), y);
                    loss.b\u0061ckward();
                    optimizer.st\u0065p();
                }
        """),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[500, 5000]", "model.forward", "values up to about 5000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task WordsInCommentsAndLongerNamesLetCodeThroughToTheSemanticCheck() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                // backward compatible: one step at a time, no training here
                var x = torch.rand(100, 1) * 4500 + 500;
                var stepSize = 2;
                var model = nn.Linear(1, 1);
                var prediction = model.forward(x.slice(0, 0, 100, stepSize));
        """));

    [Fact]
    public Task HelperWrittenWithUnicodeEscapesIsStillFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
                Train({|#0:x|}, y);
        """, """
            static void Train(Tensor features, Tensor targets)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                for (int epoch = 0; epoch < 300; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(features), targets);
                    loss.b\u0061ckward();
                    optimizer.st\u0065p();
                }
            }
        """),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[500, 5000]", "model.forward in Train", "values up to about 5000 make gradient steps overshoot or barely move its weights"));
}
