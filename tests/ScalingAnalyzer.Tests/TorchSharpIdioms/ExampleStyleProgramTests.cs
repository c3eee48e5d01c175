using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// Whole programs in the shape of the TorchSharp examples (a dataset class, a model class, a DataLoader, a training
/// and a test loop), each idiom family together. Written as plain raw literals so the reliability suite's crash hunt
/// mutates them too.
/// </summary>
public class ExampleStyleProgramTests
{
    private const string PixelsProgram = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Examples
        {
            /// <summary>Images stored as bytes, one label byte then 784 pixel bytes per record.</summary>
            class DigitDataset : torch.utils.data.Dataset
            {
                private readonly Tensor images;
                private readonly Tensor labels;

                public DigitDataset(string path, int count)
                {
                    var bytes = File.ReadAllBytes(path);
                    var pixels = new byte[count * 784];
                    var targets = new long[count];
                    for (var i = 0; i < count; i++)
                    {
                        targets[i] = bytes[i * 785];
                        Array.Copy(bytes, i * 785 + 1, pixels, i * 784, 784);
                    }
                    images = torch.tensor(pixels, new long[] { count, 784 }).to(ScalarType.Float32);
                    labels = torch.tensor(targets);
                }

                public override long Count => labels.shape[0];

                public override Dictionary<string, Tensor> GetTensor(long index)
                {
                    var item = new Dictionary<string, Tensor>();
                    item.Add("data", images[index]);
                    item.Add("label", labels[index]);
                    return item;
                }
            }

            class Classifier : Module<Tensor, Tensor>
            {
                private Module<Tensor, Tensor> fc1 = Linear(784, 128);
                private Module<Tensor, Tensor> relu = ReLU();
                private Module<Tensor, Tensor> fc2 = Linear(128, 10);

                public Classifier() : base(nameof(Classifier)) => RegisterComponents();

                public override Tensor forward(Tensor input) => fc2.forward(relu.forward(fc1.forward(input)));
            }

            static class Program
            {
                static void Main()
                {
                    using var train = new DigitDataset("train.bin", 60000);
                    using var loader = torch.utils.data.DataLoader(train, 64, shuffle: true);
                    var model = new Classifier();
                    var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                    var criterion = CrossEntropyLoss();
                    for (var epoch = 1; epoch <= 5; epoch++)
                    {
                        model.train();
                        foreach (var batch in loader)
                        {
                            using var scope = torch.NewDisposeScope();
                            optimizer.zero_grad();
                            var output = model.forward({|#0:batch["data"]|});
                            var loss = criterion.forward(output, batch["label"]);
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
            }
        }
        """;

    [Fact]
    public Task PixelBytesThroughADatasetClassAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        PixelsProgram,
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("batch[\"data\"]", "[0, 255]", "model.forward", "values up to about 255 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task PixelBytesDividedBy255AreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        PixelsProgram.Replace(".to(ScalarType.Float32);", ".to(ScalarType.Float32) / 255;").Replace("{|#0:batch[\"data\"]|}", "batch[\"data\"]"));

    [Fact]
    public Task AClassifierThatStartsWithBatchNormTakesPixelBytesAsTheyAre() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        PixelsProgram.Replace("private Module<Tensor, Tensor> fc1 = Linear(784, 128);", "private Module<Tensor, Tensor> norm = BatchNorm1d(784);\n        private Module<Tensor, Tensor> fc1 = Linear(784, 128);")
            .Replace("fc1.forward(input)", "fc1.forward(norm.forward(input))")
            .Replace("{|#0:batch[\"data\"]|}", "batch[\"data\"]"));

    private const string CurveFitProgram = """
        using System;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        static class CurveFit
        {
            static void Main()
            {
                var temperature = torch.rand(500, 1) * 40 - 10;
                var scaledTemperature = (temperature - temperature.mean()) / temperature.std();
                var pressure = torch.rand(500, 1) * 200 + 900;
                var inputs = torch.cat(new[] { scaledTemperature, pressure }, 1);
                var targets = torch.rand(500, 1);

                var model = Sequential(Linear(2, 8), Tanh(), Linear(8, 1));
                var optimizer = torch.optim.LBFGS(model.parameters(), lr: 0.5);
                var criterion = MSELoss();
                for (var step = 0; step < 20; step++)
                {
                    optimizer.step(() =>
                    {
                        optimizer.zero_grad();
                        var loss = criterion.forward(model.forward({|#0:inputs|}), targets);
                        loss.backward();
                        return loss;
                    });
                }
            }
        }
        """;

    [Fact]
    public Task ARawColumnBesideAScaledOneInAnLbfgsClosureIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        CurveFitProgram,
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("inputs", "[900, 1100]", "model.forward",
                "column 1 ('pressure') is not scaled like the other columns: its values up to about 1100 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task BothColumnsScaledInAnLbfgsClosureAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        CurveFitProgram.Replace("new[] { scaledTemperature, pressure }", "new[] { scaledTemperature, (pressure - pressure.min()) / (pressure.max() - pressure.min()) }")
            .Replace("{|#0:inputs|}", "inputs"));
}
