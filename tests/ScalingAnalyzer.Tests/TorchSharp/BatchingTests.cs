using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>Mini-batches taken by foreach over the pieces of the data (split, chunk, unbind).</summary>
public class BatchingTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    private static string BatchLoop(string data, string pieces) => ProgramWithMain($$"""
                var x = {{data}};
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 1e-3);
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var batch in {{pieces}})
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward({|#0:batch|}), batch / 4500);
                        loss.backward();
                        optimizer.step();
                    }
                }
        """);

    [Theory]
    [InlineData("x.split(32)")]
    [InlineData("x.chunk(4)")]
    [InlineData("x.tensor_split(4)")]
    public Task PiecesOfRawDataAreReported(string pieces) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        BatchLoop("torch.rand(128, 1) * 4500 + 500", pieces),
        expected: Scale001().WithArguments("batch", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task PiecesOfScaledDataAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        BatchLoop("torch.rand(128, 1) * 4500 + 500", "((x - x.mean()) / x.std()).split(32)"));
}
