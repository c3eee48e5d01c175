using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>SCALE002's fix: ML.NET's own normalizer right before the trainer, in the code's own layout.</summary>
public class MLNetNormalizationFixerTests
{
    private static Task FixAsync(string source, string fixedSource, string equivalenceKey = MLNetNormalizationFixer.MeanVarianceEquivalenceKey)
        => Verify<MLNetNormalizationAnalyzer>.CodeFixAsync<MLNetNormalizationFixer>(source, fixedSource, equivalenceKey, TestReferences.WithMLNet);

    [Fact]
    public Task MeanVarianceGoesOnItsOwnLineBeforeTheTrainer() => FixAsync("""
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext mlContext)
            {
                var pipeline = mlContext.Transforms.Concatenate("Features", "Size")
                    .Append({|SCALE002:mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|});
                return pipeline;
            }
        }
        """, """
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext mlContext)
            {
                var pipeline = mlContext.Transforms.Concatenate("Features", "Size")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                    .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price"));
                return pipeline;
            }
        }
        """);

    [Fact]
    public Task MinMaxIsTheSecondFixAndGoesInlineOnASingleLineChain() => FixAsync("""
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext ml) => ml.Transforms.Concatenate("Features", "Size").Append({|SCALE002:ml.Regression.Trainers.Sdca("Price")|});
        }
        """, """
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext ml) => ml.Transforms.Concatenate("Features", "Size").Append(ml.Transforms.NormalizeMinMax("Features")).Append(ml.Regression.Trainers.Sdca("Price"));
        }
        """, MLNetNormalizationFixer.MinMaxEquivalenceKey);

    [Fact]
    public Task ATrainerAppendedFromALocalGetsTheNormalizerAtTheAppendAndCommentsStay() => FixAsync("""
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext context = new MLContext(seed: 1);

            object Train()
            {
                // Size in square feet, rooms as a count.
                var features = context.Transforms.Concatenate("Inputs", "Size", "Rooms");
                var trainer = {|SCALE002:context.Regression.Trainers.Sdca(labelColumnName: "Price", featureColumnName: "Inputs")|}; // the linear model
                return features /* the columns */
                    .Append(trainer); // train
            }
        }
        """, """
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext context = new MLContext(seed: 1);

            object Train()
            {
                // Size in square feet, rooms as a count.
                var features = context.Transforms.Concatenate("Inputs", "Size", "Rooms");
                var trainer = context.Regression.Trainers.Sdca(labelColumnName: "Price", featureColumnName: "Inputs"); // the linear model
                return features /* the columns */
                    .Append(context.Transforms.NormalizeMeanVariance("Inputs"))
                    .Append(trainer); // train
            }
        }
        """);

    [Fact]
    public Task ATrainerThatStartsTheChainIsWrappedAfterANormalizer() => FixAsync("""
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext ml)
            {
                var pipeline = {|SCALE002:ml.Clustering.Trainers.KMeans(numberOfClusters: 3)|}
                    .Append(ml.Transforms.CopyColumns("Cluster", "PredictedLabel"));
                return pipeline;
            }
        }
        """, """
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext ml)
            {
                var pipeline = ml.Transforms.NormalizeMeanVariance("Features").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 3))
                    .Append(ml.Transforms.CopyColumns("Cluster", "PredictedLabel"));
                return pipeline;
            }
        }
        """);

    /// <summary>
    /// Fixed one at a time, the normalizer put before KMeans also serves Sdca, whose diagnostic goes away. Fix All
    /// inserts every normalizer from the original text in one pass: the second one is redundant (normalizing a
    /// normalized column leaves it as it is) but must land after the first trainer's closing parenthesis.
    /// </summary>
    [Fact]
    public async Task TwoTrainersInARowGetTheirNormalizersInTheRightOrder()
    {
        var test = new CSharpCodeFixTest<MLNetNormalizationAnalyzer, MLNetNormalizationFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.WithMLNet,
            CodeActionEquivalenceKey = MLNetNormalizationFixer.MeanVarianceEquivalenceKey,
            TestCode = """
                using Microsoft.ML;

                static class Training
                {
                    static object Train(MLContext ml)
                        => {|SCALE002:ml.Clustering.Trainers.KMeans()|}.Append({|SCALE002:ml.Regression.Trainers.Sdca("Price")|});
                }
                """,
            FixedCode = """
                using Microsoft.ML;

                static class Training
                {
                    static object Train(MLContext ml)
                        => ml.Transforms.NormalizeMeanVariance("Features").Append(ml.Clustering.Trainers.KMeans()).Append(ml.Regression.Trainers.Sdca("Price"));
                }
                """,
            BatchFixedCode = """
                using Microsoft.ML;

                static class Training
                {
                    static object Train(MLContext ml)
                        => ml.Transforms.NormalizeMeanVariance("Features").Append(ml.Clustering.Trainers.KMeans()).Append(ml.Transforms.NormalizeMeanVariance("Features")).Append(ml.Regression.Trainers.Sdca("Price"));
                }
                """,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task TheMicrosoftMLImportIsAddedWhenTheFileLacksIt() => FixAsync("""
        static class Training
        {
            static object Train(Microsoft.ML.MLContext ml)
            {
                return new Microsoft.ML.Data.EstimatorChain<Microsoft.ML.ITransformer>()
                    .Append({|SCALE002:Microsoft.ML.StandardTrainersCatalog.OnlineGradientDescent(ml.Regression.Trainers, labelColumnName: "Price")|});
            }
        }
        """, """
        using Microsoft.ML;

        static class Training
        {
            static object Train(Microsoft.ML.MLContext ml)
            {
                return new Microsoft.ML.Data.EstimatorChain<Microsoft.ML.ITransformer>()
                    .Append(ml.Transforms.NormalizeMeanVariance("Features"))
                    .Append(Microsoft.ML.StandardTrainersCatalog.OnlineGradientDescent(ml.Regression.Trainers, labelColumnName: "Price"));
            }
        }
        """);

    [Fact]
    public Task NoFixIsOfferedWhereTheTrainerIsFitOnAView() => FixAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House { public float Size { get; set; } public float Price { get; set; } }

        static class Training
        {
            static object Train(MLContext ml, House[] rows)
            {
                var raw = ml.Data.LoadFromEnumerable(rows);
                var view = ml.Transforms.Concatenate("Features", "Size").Fit(raw).Transform(raw);
                return {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}.Fit(view);
            }
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House { public float Size { get; set; } public float Price { get; set; } }

        static class Training
        {
            static object Train(MLContext ml, House[] rows)
            {
                var raw = ml.Data.LoadFromEnumerable(rows);
                var view = ml.Transforms.Concatenate("Features", "Size").Fit(raw).Transform(raw);
                return {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}.Fit(view);
            }
        }
        """);

    // A normalizer in the helper would change what every trainer passed to it trains (here FastTree as well): no fix.
    [Fact]
    public Task NoFixIsOfferedWhereTheTrainerIsAppendedInAHelper() => TreeFixAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House { public float Size { get; set; } public float Price { get; set; } }

        static class Training
        {
            static void Compare(MLContext ml, House[] rows)
            {
                var data = ml.Data.LoadFromEnumerable(rows);
                Evaluate(ml, {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}, data);
                Evaluate(ml, ml.Regression.Trainers.FastTree(labelColumnName: "Price"), data);
            }

            static ITransformer Evaluate(MLContext ml, IEstimator<ITransformer> trainer, IDataView data)
                => ml.Transforms.Concatenate("Features", "Size").Append(trainer).Fit(data);
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class House { public float Size { get; set; } public float Price { get; set; } }

        static class Training
        {
            static void Compare(MLContext ml, House[] rows)
            {
                var data = ml.Data.LoadFromEnumerable(rows);
                Evaluate(ml, {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}, data);
                Evaluate(ml, ml.Regression.Trainers.FastTree(labelColumnName: "Price"), data);
            }

            static ITransformer Evaluate(MLContext ml, IEstimator<ITransformer> trainer, IDataView data)
                => ml.Transforms.Concatenate("Features", "Size").Append(trainer).Fit(data);
        }
        """);

    private static Task TreeFixAsync(string source, string fixedSource)
        => Verify<MLNetNormalizationAnalyzer>.CodeFixAsync<MLNetNormalizationFixer>(source, fixedSource, MLNetNormalizationFixer.MeanVarianceEquivalenceKey, TestReferences.WithTreeTrainers);

    [Theory]
    [InlineData(MLNetNormalizationFixer.MeanVarianceEquivalenceKey, "NormalizeMeanVariance")]
    [InlineData(MLNetNormalizationFixer.MinMaxEquivalenceKey, "NormalizeMinMax")]
    public async Task FixAllFixesEveryPipelineInTheDocumentProjectAndSolution(string equivalenceKey, string normalizer)
    {
        var test = new CSharpCodeFixTest<MLNetNormalizationAnalyzer, MLNetNormalizationFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.WithMLNet,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.TestState.Sources.Add(("/0/Regression.cs", """
            using Microsoft.ML;

            static class Regression
            {
                static object Linear(MLContext ml)
                    => ml.Transforms.Concatenate("Features", "Size")
                        .Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});

                static object Online(MLContext ml)
                {
                    var trainer = {|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|};
                    return ml.Transforms.Concatenate("Features", "Size").Append(trainer);
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Classification.cs", """
            using Microsoft.ML;

            static class Classification
            {
                static object TwoTrainers(MLContext ml)
                    => ml.Transforms.Concatenate("Features", "Size")
                        .Append({|SCALE002:ml.BinaryClassification.Trainers.AveragedPerceptron()|})
                        .Append(ml.Transforms.Concatenate("Features2", "Size"))
                        .Append({|SCALE002:ml.BinaryClassification.Trainers.LinearSvm(featureColumnName: "Features2")|});
            }
            """));
        test.FixedState.Sources.Add(("/0/Regression.cs", $$"""
            using Microsoft.ML;

            static class Regression
            {
                static object Linear(MLContext ml)
                    => ml.Transforms.Concatenate("Features", "Size")
                        .Append(ml.Transforms.{{normalizer}}("Features"))
                        .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));

                static object Online(MLContext ml)
                {
                    var trainer = ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price");
                    return ml.Transforms.Concatenate("Features", "Size").Append(ml.Transforms.{{normalizer}}("Features")).Append(trainer);
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Classification.cs", $$"""
            using Microsoft.ML;

            static class Classification
            {
                static object TwoTrainers(MLContext ml)
                    => ml.Transforms.Concatenate("Features", "Size")
                        .Append(ml.Transforms.{{normalizer}}("Features"))
                        .Append(ml.BinaryClassification.Trainers.AveragedPerceptron())
                        .Append(ml.Transforms.Concatenate("Features2", "Size"))
                        .Append(ml.Transforms.{{normalizer}}("Features2"))
                        .Append(ml.BinaryClassification.Trainers.LinearSvm(featureColumnName: "Features2"));
            }
            """));
        // One pass fixes everything (every insertion comes from the original text): once per project or solution,
        // once per document in document scope.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }
}
