using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// A user's Dataset subclass, written the way TorchVision's datasets and the TorchSharp tests write them: tensors
/// loaded or made in the constructor, GetTensor returning a dictionary ("data", "label"), a DataLoader over it.
/// </summary>
public class DatasetClassTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    private static string Program(string datasetClass, string creation = "new SensorDataset(2000)", string feature = "batch[\"data\"]") => $$"""
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        {{datasetClass}}

        class Program
        {
            static void Main()
            {
                using var train = {{creation}};
                using var loader = torch.utils.data.DataLoader(train, 64, shuffle: true);
                var model = Sequential(Linear(4, 32), ReLU(), Linear(32, 1));
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                var criterion = MSELoss();

                for (var epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        var loss = criterion.forward(model.forward({{feature}}), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    private const string Message = "values up to about 1100 make gradient steps overshoot or barely move its weights";

    /// <summary>Pressure readings (900..1100 hPa) made in the constructor and handed out by Add, as TorchVision's MNIST does.</summary>
    private static string Dataset(string makeData, string getTensor = """
                var item = new Dictionary<string, Tensor>();
                item.Add("data", data[index]);
                item.Add("label", labels[index]);
                return item;
        """) => $$"""
        class SensorDataset : torch.utils.data.Dataset
        {
            private readonly Tensor data;
            private readonly Tensor labels;

            public SensorDataset(int count)
            {
        {{makeData}}
            }

            public override long Count => data.shape[0];

            public override Dictionary<string, Tensor> GetTensor(long index)
            {
        {{getTensor}}
            }
        }
        """;

    private const string RawReadings = """
                data = torch.rand(count, 4) * 200 + 900;
                labels = torch.rand(count, 1);
        """;

    [Fact]
    public Task RawDataInADatasetIsReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset(RawReadings), feature: "{|#0:batch[\"data\"]|}"),
        expected: Scale001().WithArguments("batch[\"data\"]", "[900, 1100]", "model.forward", Message));

    [Fact]
    public Task DataStandardizedInTheConstructorIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset("""
                var raw = torch.rand(count, 4) * 200 + 900;
                data = (raw - raw.mean(new long[] { 0 })) / raw.std(new long[] { 0 });
                labels = torch.rand(count, 1);
        """)));

    [Fact]
    public Task DataScaledInGetTensorIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset(RawReadings, getTensor: """
                return new Dictionary<string, Tensor> { ["data"] = (data[index] - 900) / 200, ["label"] = labels[index] };
        """)));

    [Fact]
    public Task ACollectionInitializerIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset(RawReadings, getTensor: """
                return new() { { "data", data[index] }, { "label", labels[index] } };
        """), feature: "{|#0:batch[\"data\"]|}"),
        expected: Scale001().WithArguments("batch[\"data\"]", "[900, 1100]", "model.forward", Message));

    [Fact]
    public Task TheLabelEntryIsNotTheFeature() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset("""
                data = torch.rand(count, 4);
                labels = torch.rand(count, 1) * 200 + 900;
        """)));

    [Fact]
    public Task TensorsHandedToTheConstructorAreFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
        class SensorDataset : torch.utils.data.Dataset
        {
            private readonly Tensor _readings;
            private readonly Tensor _targets;

            public SensorDataset(Tensor readings, Tensor targets)
            {
                _readings = readings;
                _targets = targets;
            }

            public override long Count => _readings.shape[0];

            public override Dictionary<string, Tensor> GetTensor(long index)
                => new() { ["data"] = _readings[index], ["label"] = _targets[index] };
        }
        """, creation: "new SensorDataset(torch.rand(2000, 4) * 200 + 900, torch.rand(2000, 1))", feature: "{|#0:batch[\"data\"]|}"),
        expected: Scale001().WithArguments("batch[\"data\"]", "[900, 1100]", "model.forward", Message));

    [Fact]
    public Task DataStandardizedInPlaceByTheDatasetBeforeTrainingIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset(RawReadings).Replace("public override long Count", """
            public void Normalize() => data.sub_(data.mean()).div_(data.std());

            public override long Count
        """), creation: "Normalized(new SensorDataset(2000))").Replace("class Program\n{", """
        class Program
        {
            static SensorDataset Normalized(SensorDataset dataset)
            {
                dataset.Normalize();
                return dataset;
            }
        """));

    [Fact]
    public Task DataFromAFileIsUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset("""
                data = torch.load("readings.pt");
                labels = torch.load("labels.pt");
        """)));

    [Fact]
    public Task AnEntryWhoseKeyIsNotConstantIsUnknownAndSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Dataset(RawReadings, getTensor: """
                var item = new Dictionary<string, Tensor>();
                item.Add(DateTime.Now.Second > 30 ? "data" : "other", data[index]);
                item.Add("label", labels[index]);
                return item;
        """)));

    [Fact]
    public Task AnIterableDatasetReturningAListIsReadByPosition() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
        class SensorDataset : torch.utils.data.IterableDataset
        {
            private readonly Tensor data;
            private readonly Tensor labels;

            public SensorDataset(int count)
            {
                data = torch.rand(count, 4) * 200 + 900;
                labels = torch.rand(count, 1);
            }

            public override long Count => data.shape[0];

            public override IList<Tensor> GetTensor(long index) => new List<Tensor> { data[index], labels[index] };
        }
        """, feature: "{|#0:batch[0]|}").Replace("batch[\"label\"]", "batch[1]"),
        expected: Scale001().WithArguments("batch[0]", "[900, 1100]", "model.forward", Message));

    [Fact]
    public Task AnIterableDatasetReturningScaledDataIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
        class SensorDataset : torch.utils.data.IterableDataset
        {
            private readonly Tensor data;
            private readonly Tensor labels;

            public SensorDataset(int count)
            {
                var raw = torch.rand(count, 4) * 200 + 900;
                data = (raw - 900) / 200;
                labels = torch.rand(count, 1);
            }

            public override long Count => data.shape[0];

            public override IList<Tensor> GetTensor(long index) => new List<Tensor> { data[index], labels[index] };
        }
        """, feature: "batch[0]").Replace("batch[\"label\"]", "batch[1]"));
}
