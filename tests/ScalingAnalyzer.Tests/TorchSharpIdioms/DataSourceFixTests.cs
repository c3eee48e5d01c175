using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Tests.TorchSharpFixes;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// SCALE001/SCALE004 reported at a batch from a DataLoader: the fix scales the tensor the dataset was made from,
/// before the statement that makes the dataset, or offers nothing when that is not a variable it can scale there.
/// </summary>
public class DataSourceFixTests
{
    private static string Program(string prepare, string dataset, string feature, string usings = "") => $$"""
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
        {{prepare}}
                var dataset = {{dataset}};
                var loader = torch.utils.data.DataLoader(dataset, 32, shuffle: true);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                var lossFunction = nn.MSELoss();

                for (int epoch = 0; epoch < 20; epoch++)
                {
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        var prediction = model.forward({{feature}});
                        var loss = lossFunction.forward(prediction, batch[1]);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    private const string Prepare = """
                var sizes = torch.rand(1000, 1) * 4500 + 500;
                var prices = torch.rand(1000, 1);
        """;

    [Fact]
    public Task TheDatasetsTensorIsStandardizedBeforeTheDatasetIsMade() => ScalingFixTest.RunAsync(
        Program(Prepare, "torch.utils.data.TensorDataset(sizes, prices)", "{|SCALE001:batch[0]|}"),
        Program(Prepare + """

                var sizesScaler = StandardScaler.Fit(sizes);
                var sizesScaled = sizesScaler.Transform(sizes);
        """, "torch.utils.data.TensorDataset(sizesScaled, prices)", "batch[0]", usings: "using ScalingAnalyzer.Runtime;\n"));

    [Fact]
    public Task MinMaxScalingIsOfferedToo() => ScalingFixTest.RunAsync(
        Program(Prepare, "torch.utils.data.TensorDataset(sizes, prices)", "{|SCALE001:batch[0]|}"),
        Program(Prepare + """

                var sizesScaler = MinMaxScaler.Fit(sizes);
                var sizesScaled = sizesScaler.Transform(sizes);
        """, "torch.utils.data.TensorDataset(sizesScaled, prices)", "batch[0]", usings: "using ScalingAnalyzer.Runtime;\n"),
        UnscaledFeatureFixer.MinMaxScaleEquivalenceKey);

    [Fact]
    public Task AnExpressionHandedToTheDatasetGetsNoFix() => ScalingFixTest.RunAsync(
        Program("        var prices = torch.rand(1000, 1);", "torch.utils.data.TensorDataset(torch.rand(1000, 1) * 4500 + 500, prices)", "{|SCALE001:batch[0]|}"),
        Program("        var prices = torch.rand(1000, 1);", "torch.utils.data.TensorDataset(torch.rand(1000, 1) * 4500 + 500, prices)", "{|SCALE001:batch[0]|}"),
        fixAllIterations: 0);

    [Fact]
    public Task ABatchReadIntoALocalIsFixedAtTheSource() => ScalingFixTest.RunAsync(
        Program(Prepare, "torch.utils.data.TensorDataset(sizes, prices)", "{|SCALE001:batch[0].to(torch.CPU)|}"),
        Program(Prepare + """

                var sizesScaler = StandardScaler.Fit(sizes);
                var sizesScaled = sizesScaler.Transform(sizes);
        """, "torch.utils.data.TensorDataset(sizesScaled, prices)", "batch[0].to(torch.CPU)", usings: "using ScalingAnalyzer.Runtime;\n"));

    private static string DatasetClassProgram(string scalingSteps, string argument, string feature, string usings = "") => $$"""
        using System.Collections.Generic;
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

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

        class Trainer
        {
            static void Train()
            {
                var readings = torch.rand(2000, 4) * 200 + 900;
                var targets = torch.rand(2000, 1);{{scalingSteps}}
                using var train = new SensorDataset({{argument}}, targets);
                using var loader = torch.utils.data.DataLoader(train, 64, shuffle: true);
                var model = nn.Linear(4, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 0.01);
                for (var epoch = 0; epoch < 10; epoch++)
                {
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward({{feature}}), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        }
        """;

    [Fact]
    public Task ATensorHandedToADatasetClassIsScaledBeforeTheDatasetIsMade() => ScalingFixTest.RunAsync(
        DatasetClassProgram("", "readings", "{|SCALE001:batch[\"data\"]|}"),
        DatasetClassProgram("""

                var readingsScaler = StandardScaler.Fit(readings);
                var readingsScaled = readingsScaler.Transform(readings);
        """, "readingsScaled", "batch[\"data\"]", usings: "using ScalingAnalyzer.Runtime;\n"));

    [Fact]
    public Task ALoaderHandedToATrainingHelperIsFixedAtTheDatasetsSource() => ScalingFixTest.RunAsync(
        DataLoaderTests.LoaderThroughHelper(DataLoaderTests.RawSizes, "{|SCALE001:loader|}"),
        DataLoaderTests.LoaderThroughHelper(DataLoaderTests.RawSizes + """

                var featuresScaler = StandardScaler.Fit(features);
                var featuresScaled = featuresScaler.Transform(features);
        """, "loader").Replace("TensorDataset(features, prices)", "TensorDataset(featuresScaled, prices)").Replace("using System;\n", "using System;\nusing ScalingAnalyzer.Runtime;\n"));
}
