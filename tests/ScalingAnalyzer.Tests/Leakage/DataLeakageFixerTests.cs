using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.Leakage.LeakagePrograms;

namespace ScalingAnalyzer.Tests.Leakage;

/// <summary>
/// SCALE006's fixes, checked by the testing library one by one and by Fix All: the statistics read the training
/// rows, the ML.NET chain is fitted on the TrainSet (or moved into the cross-validated pipeline), and the fixed
/// program compiles with no SCALE006 left.
/// </summary>
public class DataLeakageFixerTests
{
    private static Task Fixes(string source, string fixedSource, string? key = null, ReferenceAssemblies? references = null)
        => Verify<DataLeakageAnalyzer>.CodeFixAsync<DataLeakageFixer>(source, fixedSource, key, references);

    [Fact]
    public Task StatisticsReadTheTrainingSlice() => Fixes(
        LeakProgram(Load + """
                var mean = [|data.mean(new long[] { 0 }, keepdim: true)|];
                var std = [|data.std(0, keepdim: true)|];
                var scaled = (data - mean) / std;
                var xTrain = scaled[..800];
                var xTest = scaled[800..];
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")),
        LeakProgram(Load + """
                var mean = data[..800].mean(new long[] { 0 }, keepdim: true);
                var std = data[..800].std(0, keepdim: true);
                var scaled = (data - mean) / std;
                var xTrain = scaled[..800];
                var xTest = scaled[800..];
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")),
        DataLeakageFixer.FitOnTrainingRowsEquivalenceKey);

    [Fact]
    public Task ScalerIsFittedOnTheTrainingPermutation() => Fixes(
        LeakProgram(Load + """
                var permutation = torch.randperm(1000);
                var trainIndex = permutation[..800];
                var scaler = [|MinMaxScaler.Fit(data)|];
                var scaled = scaler.Transform(data);
                var xTrain = scaled.index_select(0, trainIndex);
                var xTest = scaled.index_select(0, permutation[800..]);
        """ + Train("xTrain", "y.index_select(0, trainIndex)") + Evaluate("xTest", "y.index_select(0, permutation[800..])")),
        LeakProgram(Load + """
                var permutation = torch.randperm(1000);
                var trainIndex = permutation[..800];
                var scaler = MinMaxScaler.Fit(data.index_select(0, trainIndex));
                var scaled = scaler.Transform(data);
                var xTrain = scaled.index_select(0, trainIndex);
                var xTest = scaled.index_select(0, permutation[800..]);
        """ + Train("xTrain", "y.index_select(0, trainIndex)") + Evaluate("xTest", "y.index_select(0, permutation[800..])")));

    [Fact]
    public Task ArrayAverageReadsTheTakenRows() => Fixes(
        LeakProgram("""
                double[][] features = File.ReadAllLines("houses.csv").Select(l => l.Split(',').Select(double.Parse).ToArray()).ToArray();
                var means = Enumerable.Range(0, 4).Select(j => [|features.Average(r => r[j])|]).ToArray();
                var scaled = features.Select(r => r.Select((v, j) => v - means[j]).ToArray()).ToArray();
                var xTrain = torch.tensor(scaled.Take(800).SelectMany(r => r).ToArray()).reshape(-1, 4);
                var xTest = torch.tensor(scaled.Skip(800).SelectMany(r => r).ToArray()).reshape(-1, 4);
                var y = torch.rand(1000, 1);
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")),
        LeakProgram("""
                double[][] features = File.ReadAllLines("houses.csv").Select(l => l.Split(',').Select(double.Parse).ToArray()).ToArray();
                var means = Enumerable.Range(0, 4).Select(j => features.Take(800).Average(r => r[j])).ToArray();
                var scaled = features.Select(r => r.Select((v, j) => v - means[j]).ToArray()).ToArray();
                var xTrain = torch.tensor(scaled.Take(800).SelectMany(r => r).ToArray()).reshape(-1, 4);
                var xTest = torch.tensor(scaled.Skip(800).SelectMany(r => r).ToArray()).reshape(-1, 4);
                var y = torch.rand(1000, 1);
        """ + Train("xTrain", "y[..800]") + Evaluate("xTest", "y[800..]")));

    [Fact]
    public Task NoFixWhenTheTrainingRowsAreNamedAfterTheStatistic()
    {
        var source = LeakProgram(Load + """
                var min = [|data.amin(0)|];
                var normalized = (data - min) / (data.amax(0) - min);
                var permutation = torch.randperm(1000);
                var xTrain = normalized.index_select(0, permutation[..800]);
                var xTest = normalized.index_select(0, permutation[800..]);
        """ + Train("xTrain", "y.index_select(0, permutation[..800])") + Evaluate("xTest", "y.index_select(0, permutation[800..])"));
        var marked = source.Replace("(data.amax(0) - min)", "([|data.amax(0)|] - min)");
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<DataLeakageAnalyzer, DataLeakageFixer, DefaultVerifier>
        {
            TestCode = marked,
            FixedCode = marked,
            ReferenceAssemblies = TestReferences.WithBoth,
            NumberOfFixAllIterations = 0,
            NumberOfIncrementalIterations = 0,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        test.FixedState.AdditionalReferences.Add(TestReferences.Runtime);
        return test.RunAsync();
    }

    [Fact]
    public Task MLNetNormalizerIsFittedOnTheTrainSet() => Fixes(
        MLNetLeakageTests.MLNetProgram("""
                var normalizer = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMinMax("Features"));
                var normalized = [|normalizer.Fit(data)|].Transform(data);
                var split = mlContext.Data.TrainTestSplit(normalized, testFraction: 0.2, seed: 1);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine(metrics.RootMeanSquaredError);
        """),
        MLNetLeakageTests.MLNetProgram("""
                var normalizer = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMinMax("Features"));
                var dataSplit = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                var dataNormalizer = normalizer.Fit(dataSplit.TrainSet);
                var split = (TrainSet: dataNormalizer.Transform(dataSplit.TrainSet), TestSet: dataNormalizer.Transform(dataSplit.TestSet));
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine(metrics.RootMeanSquaredError);
        """),
        DataLeakageFixer.FitOnTrainSetEquivalenceKey,
        TestReferences.WithMLNet);

    [Fact]
    public Task MLNetNormalizerMovesIntoTheCrossValidatedPipeline() => Fixes(
        MLNetLeakageTests.MLNetProgram("""
                var preprocessing = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
                var transformed = [|preprocessing.Fit(data)|].Transform(data);
                var results = mlContext.Regression.CrossValidate(transformed, mlContext.Regression.Trainers.Sdca(), numberOfFolds: 5);
                Console.WriteLine(results.Count);
        """),
        MLNetLeakageTests.MLNetProgram("""
                var preprocessing = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
                var results = mlContext.Regression.CrossValidate(data, preprocessing.Append(mlContext.Regression.Trainers.Sdca()), numberOfFolds: 5);
                Console.WriteLine(results.Count);
        """),
        DataLeakageFixer.NormalizeInsideCrossValidationEquivalenceKey,
        TestReferences.WithMLNet);
}
