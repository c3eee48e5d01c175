using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// Pixels as bytes, read the way the MNIST and CIFAR readers read them: a byte[] or a uint8 tensor holds 0..255 by its
/// type, so converting it to float32 without dividing by 255 reaches the model raw, and dividing by 255 scales it.
/// </summary>
public class ByteImageTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    private const string Message = "values up to about 255 make gradient steps overshoot or barely move its weights";

    private static string Program(string images) => $$"""
        using System;
        using System.IO;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        class Digits
        {
            static void Main()
            {
                byte[] pixels = File.ReadAllBytes("train-images.idx3-ubyte");
                var labels = torch.randint(0, 10, new long[] { 1000 });
        {{images}}
                var model = Sequential(Linear(784, 128), ReLU(), Linear(128, 10));
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                var criterion = CrossEntropyLoss();
                for (var epoch = 0; epoch < 5; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(images), labels);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public Task BytesConvertedToFloatAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var images = {|#0:torch.tensor(pixels).reshape(1000, 784).to(ScalarType.Float32)|};
        """).Replace("model.forward(images)", "model.forward({|#0:images|})").Replace("{|#0:torch.tensor(pixels).reshape(1000, 784).to(ScalarType.Float32)|}", "torch.tensor(pixels).reshape(1000, 784).to(ScalarType.Float32)"),
        expected: Scale001().WithArguments("images", "[0, 255]", "model.forward", Message));

    [Fact]
    public Task BytesAsAFloatTensorAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var images = torch.tensor(pixels, dtype: ScalarType.Float32).reshape(1000, 784);
        """).Replace("model.forward(images)", "model.forward({|#0:images|})"),
        expected: Scale001().WithArguments("images", "[0, 255]", "model.forward", Message));

    [Fact]
    public Task ByteTensorDividedBy255IsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var images = torch.tensor(pixels).reshape(1000, 784).to(ScalarType.Float32) / 255;
        """));

    [Fact]
    public Task AUint8TensorReadFromAFileIsBoundedByItsType() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var stored = torch.from_file("images.bin", size: 784000, dtype: ScalarType.Byte).reshape(1000, 784);
                var images = stored.to(ScalarType.Float32);
        """).Replace("model.forward(images)", "model.forward({|#0:images|})"),
        expected: Scale001().WithArguments("images", "[0, 255]", "model.forward", Message));

    [Fact]
    public Task AUint8TensorDividedBy255IsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var stored = torch.from_file("images.bin", size: 784000, dtype: torch.uint8).reshape(1000, 784);
                var images = stored.to(torch.float32).div(255);
        """));

    [Fact]
    public Task AByteTensorFedAsIsIsAnIndexTensorAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var images = torch.tensor(pixels).reshape(1000, 784);
        """));
}
