using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests;

/// <summary>The test reference sets really compile TorchSharp and ML.NET training code (no diagnostics at all).</summary>
public class ReferenceSetTests
{
    [Fact]
    public Task TorchSharpAndMLNetTrainingCodeCompiles() => Verify<EmptyDiagnosticAnalyzer>.AnalyzerAsync("""
        using Microsoft.ML;
        using TorchSharp;
        using static TorchSharp.torch;

        class Program
        {
            static void Main()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                var loss = nn.functional.mse_loss(model.forward(x), x * 100);
                loss.backward();
                optimizer.step();
                var ml = new MLContext(seed: 42);
                var pipeline = ml.Transforms.NormalizeMeanVariance("Features").Append(ml.Regression.Trainers.Sdca());
            }
        }
        """);

    [Fact]
    public Task TreeTrainerPackagesCompile() => Verify<EmptyDiagnosticAnalyzer>.AnalyzerAsync("""
        using Microsoft.ML;

        class Program
        {
            static void Main()
            {
                var ml = new MLContext(seed: 42);
                var fastTree = ml.Regression.Trainers.FastTree();
                var lightGbm = ml.Regression.Trainers.LightGbm();
            }
        }
        """, TestReferences.WithTreeTrainers);
}
