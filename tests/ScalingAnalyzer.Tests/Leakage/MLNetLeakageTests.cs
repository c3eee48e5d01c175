using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.Leakage;

/// <summary>
/// SCALE006 on ML.NET: a normalizer fitted on the whole data before TrainTestSplit or CrossValidate, next to the
/// pipelines of dotnet/machinelearning-samples that fit it on the training set (or inside CrossValidate).
/// </summary>
public class MLNetLeakageTests
{
    private static Task Reports(string source, params DiagnosticResult[] expected) => Verify<DataLeakageAnalyzer>.AnalyzerAsync(source, TestReferences.WithMLNet, expected: expected);

    private static Task Silent(string source) => Verify<DataLeakageAnalyzer>.AnalyzerAsync(source, TestReferences.WithMLNet);

    public static string MLNetProgram(string body) => $$"""
        using System;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House
        {
            [LoadColumn(0)] public float Size { get; set; }
            [LoadColumn(1)] public float Rooms { get; set; }
            [LoadColumn(2), ColumnName("Label")] public float Price { get; set; }
        }

        public static class Training
        {
            public static void Run(string path)
            {
                var mlContext = new MLContext(seed: 0);
                IDataView data = mlContext.Data.LoadFromTextFile<House>(path, hasHeader: true, separatorChar: ',');
        {{body}}
            }
        }
        """;

    [Fact]
    public Task NormalizedThenSplitIsReported() => Reports(MLNetProgram("""
                var normalizer = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMinMax("Features"));
                var normalized = {|#0:normalizer.Fit(data)|}.Transform(data);
                var split = mlContext.Data.TrainTestSplit(normalized, testFraction: 0.2);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine(metrics.RootMeanSquaredError);
        """), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("The normalizer fitted by 'normalizer.Fit(data)'", "data", "TestSet", "by TrainTestSplit"));

    private static string WithHelper(string caller, string helperBody) => $$"""
        using System;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House
        {
            [LoadColumn(0)] public float Size { get; set; }
            [LoadColumn(1)] public float Rooms { get; set; }
            [LoadColumn(2), ColumnName("Label")] public float Price { get; set; }
        }

        public static class Training
        {
            public static void Run(string path)
            {
                var mlContext = new MLContext(seed: 0);
                IDataView data = mlContext.Data.LoadFromTextFile<House>(path, hasHeader: true, separatorChar: ',');
        {{caller}}
            }

            private static IDataView Prepare(MLContext mlContext, IDataView rows)
            {
        {{helperBody}}
            }
        }
        """;

    private const string NormalizingHelper = """
                var normalizer = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
                return normalizer.Fit(rows).Transform(rows);
        """;

    [Fact]
    public Task AHelperThatNormalizesAllTheRowsBeforeTheSplitIsReportedAtItsCall() => Reports(WithHelper("""
                var prepared = {|#0:Prepare(mlContext, data)|};
                var split = mlContext.Data.TrainTestSplit(prepared, testFraction: 0.2);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(split.TestSet)).RSquared);
        """, NormalizingHelper), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("The normalizer fitted by 'Prepare(mlContext, data)'", "data", "TestSet", "by TrainTestSplit"));

    [Fact]
    public Task AHelperThatNormalizesTheRowsGivenToCrossValidateIsReportedAtItsCall() => Reports(WithHelper("""
                var prepared = {|#0:Prepare(mlContext, data)|};
                var results = mlContext.Regression.CrossValidate(prepared, mlContext.Regression.Trainers.Sdca(), numberOfFolds: 5);
                Console.WriteLine(results.Count);
                var finalModel = mlContext.Regression.Trainers.Sdca().Fit(prepared);
        """, NormalizingHelper), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("The normalizer fitted by 'Prepare(mlContext, data)'", "data", "cross-validation folds", "by CrossValidate"));

    [Theory]
    [InlineData("""
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var model = mlContext.Regression.Trainers.Sdca().Fit(Prepare(mlContext, split.TrainSet));
                Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(split.TestSet)).RSquared);
        """)]
    [InlineData("""
                var split = mlContext.Data.TrainTestSplit(Prepare(mlContext, data), testFraction: 0.2);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
        """)]
    public Task AHelperOnTheTrainingRowsOrASplitWhoseTestSetIsUnreadIsSilent(string caller) => Silent(WithHelper(caller, NormalizingHelper));

    [Fact]
    public Task AHelperThatLearnsNothingIsSilent() => Silent(WithHelper("""
                var split = mlContext.Data.TrainTestSplit(Prepare(mlContext, data), testFraction: 0.2);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(split.TestSet)).RSquared);
        """, """
                return mlContext.Transforms.Concatenate("Features", "Size", "Rooms").Fit(rows).Transform(rows);
        """));

    private static string ScaledInDotNet(string scaling, string evaluation) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ML;

        public sealed class House
        {
            public float Size { get; set; }
            public float Rooms { get; set; }
            public float Label { get; set; }
        }

        public static class Training
        {
            public static void Run(List<House> records)
            {
                var mlContext = new MLContext(seed: 0);
        {{scaling}}
                var data = mlContext.Data.LoadFromEnumerable(scaled);
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var pipeline = mlContext.Transforms.Concatenate("Features", "Size", "Rooms").Append(mlContext.Regression.Trainers.Sdca());
                var model = pipeline.Fit(split.TrainSet);
        {{evaluation}}
            }
        }
        """;

    private const string Evaluated = "        Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(split.TestSet)).RSquared);";

    [Fact]
    public Task RowsScaledInDotNetByStatisticsOfEveryRowBeforeTheSplitAreReportedAtTheStatistic() => Reports(ScaledInDotNet("""
                var maxSize = {|#0:records.Max(r => r.Size)|};
                var scaled = records.Select(r => new House { Size = r.Size / maxSize, Rooms = r.Rooms, Label = r.Label }).ToList();
        """, Evaluated), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'records.Max(r => r.Size)'", "records", "TestSet", "by TrainTestSplit"));

    [Fact]
    public Task RowsStandardizedInDotNetWithTheMeanOfEveryRowBeforeTheSplitAreReportedAtTheMean() => Reports(ScaledInDotNet("""
                var meanSize = {|#0:records.Average(r => r.Size)|};
                var stdSize = (float)Math.Sqrt(records.Average(r => (r.Size - meanSize) * (r.Size - meanSize)));
                var scaled = records.Select(r => new House { Size = (r.Size - meanSize) / stdSize, Rooms = r.Rooms, Label = r.Label }).ToList();
        """, Evaluated), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'records.Average(r => r.Size)'", "records", "TestSet", "by TrainTestSplit"));

    [Fact]
    public Task RowsStandardizedInPlaceWithTheMeanOfEveryRowBeforeTheSplitAreReportedAtTheMean() => Reports(ScaledInDotNet("""
                var scaled = records.ToList();
                var meanSize = {|#0:scaled.Average(r => r.Size)|};
                var stdSize = (float)Math.Sqrt(scaled.Average(r => (r.Size - meanSize) * (r.Size - meanSize)));
                foreach (var r in scaled)
                    r.Size = (r.Size - meanSize) / stdSize;
        """, Evaluated), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'scaled.Average(r => r.Size)'", "scaled", "TestSet", "by TrainTestSplit"));

    [Fact]
    public Task RowsMinMaxScaledInAForLoopWithTheMinimumOfEveryRowBeforeTheSplitAreReportedAtTheMinimum() => Reports(ScaledInDotNet("""
                var scaled = records.ToList();
                var minSize = {|#0:scaled.Min(r => r.Size)|};
                var maxSize = scaled.Max(r => r.Size);
                for (int i = 0; i < scaled.Count; i++)
                    scaled[i].Size = (scaled[i].Size - minSize) / (maxSize - minSize);
        """, Evaluated), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("'scaled.Min(r => r.Size)'", "scaled", "TestSet", "by TrainTestSplit"));

    [Theory]
    [InlineData("""
                var maxSize = records.Take(100).Max(r => r.Size);
                var scaled = records.Select(r => new House { Size = r.Size / maxSize, Rooms = r.Rooms, Label = r.Label }).ToList();
        """, Evaluated)]
    [InlineData("""
                var maxSize = records.Max(r => r.Size);
                var scaled = records.Select(r => new House { Size = r.Size / maxSize, Rooms = r.Rooms, Label = r.Label }).ToList();
        """, "")]
    [InlineData("""
                var scaled = records.Select(r => new House { Size = r.Size / 5000f, Rooms = r.Rooms, Label = r.Label }).ToList();
        """, Evaluated)]
    public Task RowsScaledWithOtherRowsStatisticsFixedConstantsOrNeverEvaluatedAreSilent(string scaling, string evaluation) => Silent(ScaledInDotNet(scaling, evaluation));

    [Fact]
    public Task NormalizerInThePipelineFittedOnTheTrainSetIsSilent() => Silent(MLNetProgram("""
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var pipeline = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                    .Append(mlContext.Regression.Trainers.Sdca());
                var model = pipeline.Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine(metrics.RootMeanSquaredError);
        """));

    [Fact]
    public Task FittedOnAllRowsAppliedToBothPartsIsReported() => Reports(MLNetProgram("""
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var normalizerModel = {|#0:mlContext.Transforms.Concatenate("Features", "Size", "Rooms").Append(mlContext.Transforms.NormalizeMeanVariance("Features")).Fit(data)|};
                var train = normalizerModel.Transform(split.TrainSet);
                var test = normalizerModel.Transform(split.TestSet);
                var model = mlContext.Regression.Trainers.OnlineGradientDescent().Fit(train);
                Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(test)).RSquared);
        """), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));

    [Fact]
    public Task FittedOnTheTrainSetAppliedToBothPartsIsSilent() => Silent(MLNetProgram("""
                var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                var normalizerModel = mlContext.Transforms.Concatenate("Features", "Size", "Rooms").Append(mlContext.Transforms.NormalizeMeanVariance("Features")).Fit(split.TrainSet);
                var train = normalizerModel.Transform(split.TrainSet);
                var test = normalizerModel.Transform(split.TestSet);
                var model = mlContext.Regression.Trainers.OnlineGradientDescent().Fit(train);
                Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(test)).RSquared);
        """));

    [Fact]
    public Task TransformedDataGivenToCrossValidateIsReported() => Reports(MLNetProgram("""
                var preprocessing = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
                var transformed = {|#0:preprocessing.Fit(data)|}.Transform(data);
                var results = mlContext.Regression.CrossValidate(transformed, mlContext.Regression.Trainers.Sdca(), numberOfFolds: 5);
                foreach (var fold in results)
                    Console.WriteLine(fold.Metrics.RootMeanSquaredError);
        """), new DiagnosticResult("SCALE006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("The normalizer fitted by 'preprocessing.Fit(data)'", "data", "cross-validation folds", "by CrossValidate"));

    [Fact]
    public Task NormalizerInsideTheCrossValidatedPipelineIsSilent() => Silent(MLNetProgram("""
                var pipeline = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                    .Append(mlContext.Regression.Trainers.Sdca());
                var results = mlContext.Regression.CrossValidate(data, pipeline, numberOfFolds: 5);
                foreach (var fold in results)
                    Console.WriteLine(fold.Metrics.RootMeanSquaredError);
        """));

    [Fact]
    public Task TransformsThatLearnNothingBeforeCrossValidateAreSilent() => Silent(MLNetProgram("""
                var featurized = mlContext.Transforms.Concatenate("Features", "Size", "Rooms").Fit(data).Transform(data);
                var results = mlContext.Regression.CrossValidate(featurized, mlContext.Transforms.NormalizeMinMax("Features").Append(mlContext.Regression.Trainers.Sdca()), numberOfFolds: 5);
                Console.WriteLine(results.Count);
        """));

    [Fact]
    public Task TestSetNeverReadIsSilent() => Silent(MLNetProgram("""
                var normalized = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                    .Append(mlContext.Transforms.NormalizeMinMax("Features")).Fit(data).Transform(data);
                var split = mlContext.Data.TrainTestSplit(normalized, testFraction: 0.5);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                Console.WriteLine(model.Model.Bias);
        """));

    [Fact]
    public Task NormalizerFromALocalEstimatorIsFollowed() => Reports(MLNetProgram("""
                var minMax = mlContext.Transforms.NormalizeMinMax("Features");
                var preprocessing = mlContext.Transforms.Concatenate("Features", "Size", "Rooms").Append(minMax);
                var transformer = {|#0:preprocessing.Fit(data)|};
                IDataView prepared = transformer.Transform(data);
                var split = mlContext.Data.TrainTestSplit(prepared, testFraction: 0.25, seed: 1);
                var model = mlContext.Regression.Trainers.Sdca().Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine(metrics.MeanAbsoluteError);
        """), DiagnosticResult.CompilerWarning("SCALE006").WithLocation(0));
}
