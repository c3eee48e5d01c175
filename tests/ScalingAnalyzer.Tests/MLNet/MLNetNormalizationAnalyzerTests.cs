using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.MLNet.MLNetTestCode;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>SCALE002 over real Microsoft.ML 5.0.1 reference assemblies: every clause of the rule, reported and silent.</summary>
public class MLNetNormalizationAnalyzerTests
{
    private static Task ExpectAsync(string body, params DiagnosticResult[] expected)
        => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(InTrainingMethod(body), TestReferences.WithMLNet, null, expected);

    private static Task ExpectWithTreesAsync(string body)
        => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(InTrainingMethod(body), WithTreeTrainers);

    // ---- The trainers that need normalization ----

    [Fact]
    public Task OnlineGradientDescentAfterConcatenateIsReportedWithTrainerAndColumn() => ExpectAsync("""
        var pipeline = ml.Transforms.Concatenate("Features", "Size")
            .Append({|#0:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|});
        """,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("OnlineGradientDescent", "Features", ""));

    [Theory]
    [InlineData("ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")")]
    [InlineData("ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: \"Price\")")]
    [InlineData("ml.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: \"Price\")")]
    [InlineData("ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.SdcaNonCalibrated(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.SgdCalibrated(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.SgdNonCalibrated(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.LinearSvm(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.LdSvm(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(labelColumnName: \"Expensive\")")]
    [InlineData("ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()")]
    [InlineData("ml.MulticlassClassification.Trainers.SdcaNonCalibrated()")]
    [InlineData("ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy()")]
    [InlineData("ml.Clustering.Trainers.KMeans()")]
    [InlineData("ml.AnomalyDetection.Trainers.RandomizedPca()")]
    public Task EveryTrainerThatNeedsNormalizationIsReported(string trainer) => ExpectAsync($$"""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms").Append({|SCALE002:{{trainer}}|});
        """);

    // ---- A trainer that starts its own chain (the ML.NET samples' idiom, found by the real-world sweep) ----

    [Fact]
    public Task TrainerChainAppendedThroughALocalAfterANormalizerIsSilent() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms").Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features")
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = dataProcess.Append(trainer).Fit(data);
        """);

    [Fact]
    public Task TrainerChainAppendedThroughALocalWithoutANormalizerIsReported() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainer = {|SCALE002:ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features")|}
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = dataProcess.Append(trainer).Fit(data);
        """);

    [Fact]
    public Task TrainerChainAppendedInTwoPlacesIsUnknownAndSilent() => ExpectAsync("""
        var normalized = ml.Transforms.Concatenate("Features", "Size", "Rooms").Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var raw = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features")
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var first = normalized.Append(trainer).Fit(data);
        var second = raw.Append(trainer).Fit(data);
        """);

    [Theory]
    [InlineData("ml.Regression.Trainers.FastTree(labelColumnName: \"Price\")")]
    [InlineData("ml.Regression.Trainers.FastTreeTweedie(labelColumnName: \"Price\")")]
    [InlineData("ml.Regression.Trainers.FastForest(labelColumnName: \"Price\")")]
    [InlineData("ml.Regression.Trainers.Gam(labelColumnName: \"Price\")")]
    [InlineData("ml.Regression.Trainers.LightGbm(labelColumnName: \"Price\")")]
    [InlineData("ml.BinaryClassification.Trainers.FastTree(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.LightGbm(labelColumnName: \"Expensive\")")]
    [InlineData("ml.BinaryClassification.Trainers.Prior(labelColumnName: \"Expensive\")")]
    [InlineData("ml.MulticlassClassification.Trainers.NaiveBayes()")]
    [InlineData("ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree())")]
    [InlineData("ml.MulticlassClassification.Trainers.PairwiseCoupling(ml.BinaryClassification.Trainers.LightGbm())")]
    public Task TrainersMarkedNoStaySilentOnRawFeatures(string trainer) => ExpectWithTreesAsync($$"""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms").Append({{trainer}});
        var model = {{trainer}}.Fit(ml.Data.LoadFromEnumerable(rows));
        """);

    [Fact]
    public Task OneVersusAllAndPairwiseCouplingAreReportedWhenTheirBinaryTrainerNeedsIt() => ExpectAsync("""
        var features = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var binary = ml.BinaryClassification.Trainers.AveragedPerceptron();
        var ova = features.Append({|#0:ml.MulticlassClassification.Trainers.OneVersusAll(binary)|});
        var pairs = features.Append({|#1:ml.MulticlassClassification.Trainers.PairwiseCoupling(ml.BinaryClassification.Trainers.LinearSvm(featureColumnName: "Features"))|});
        """,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("OneVersusAll(AveragedPerceptron)", "Features", ""),
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(1).WithArguments("PairwiseCoupling(LinearSvm)", "Features", ""));

    [Fact]
    public Task OneVersusAllIsSilentWhenItsBinaryTrainersColumnIsNormalized() => ExpectAsync("""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AveragedPerceptron()));
        """);

    // ---- Normalizers, and what does not count as one ----

    [Theory]
    [InlineData("ml.Transforms.NormalizeMeanVariance(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeMinMax(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeLogMeanVariance(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeBinning(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeSupervisedBinning(\"Features\", labelColumnName: \"Price\")")]
    [InlineData("ml.Transforms.NormalizeRobustScaling(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeMeanVariance(new[] { new InputOutputColumnPair(\"Features\") })")]
    [InlineData("ml.Transforms.NormalizeMinMax(\"Features\", \"Features\", fixZero: false)")]
    public Task EveryColumnNormalizerSilencesTheRule(string normalizer) => ExpectAsync($$"""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append({{normalizer}})
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        """);

    [Theory]
    [InlineData("ml.Transforms.NormalizeLpNorm(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeGlobalContrast(\"Features\")")]
    public Task RowScalersDoNotCountAsNormalizers(string rowScaler) => ExpectAsync($$"""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append({{rowScaler}})
            .Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});
        """);

    [Theory]
    [InlineData("ml.Transforms.NormalizeLpNorm(\"Features\")")]
    [InlineData("ml.Transforms.NormalizeGlobalContrast(\"Features\")")]
    [InlineData("ml.Transforms.ProjectToPrincipalComponents(\"Features\", rank: 2)")]
    public Task RowScalersAndPcaOfNormalizedColumnsKeepThemOnOneScale(string stage) => ExpectAsync($$"""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append({{stage}})
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        """);

    [Fact]
    public Task PrincipalComponentsOfRawColumnsAreNotNormalized() => ExpectAsync("""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.ProjectToPrincipalComponents("Projected", "Features", rank: 2))
            .Append({|SCALE002:ml.Clustering.Trainers.KMeans("Projected", numberOfClusters: 3)|});
        """);

    /// <summary>Random Fourier features lie within [-1, 1] whatever the inputs' scale: the trainer after them is fed unit-scale values.</summary>
    [Theory]
    [InlineData("ml.Transforms.ApproximatedKernelMap(\"Features\", rank: 100)")]
    [InlineData("ml.Transforms.ApproximatedKernelMap(\"Features\", \"Features\", rank: 100, useCosAndSinBases: true)")]
    [InlineData("ml.Transforms.ApproximatedKernelMap(\"Features\", generator: new Microsoft.ML.Transforms.LaplacianKernel(), seed: 1)")]
    public Task KernelMapFeaturesAreWithinUnitScale(string kernelMap) => ExpectAsync($$"""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append({{kernelMap}})
            .Append(ml.BinaryClassification.Trainers.LinearSvm(labelColumnName: "Expensive"));
        """);

    [Fact]
    public Task KernelMapFeaturesConcatenatedWithARawColumnAreNotNormalized() => ExpectAsync("""
        var pipeline = ml.Transforms.ApproximatedKernelMap("RoomsMapped", "Rooms", rank: 100)
            .Append(ml.Transforms.Concatenate("Features", "RoomsMapped", "Size"))
            .Append({|SCALE002:ml.BinaryClassification.Trainers.LinearSvm(labelColumnName: "Expensive")|});
        """);

    [Fact]
    public Task RowScalingOfColumnsNamedOnlyAtRunTimeIsNotNormalized() => ExpectAsync("""
        var columns = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(data.Schema, column => column.Name));
        var pipeline = ml.Transforms.Concatenate("Features", columns)
            .Append(ml.Transforms.NormalizeLpNorm("NormalizedFeatures", "Features"))
            .Append({|SCALE002:ml.AnomalyDetection.Trainers.RandomizedPca("NormalizedFeatures", rank: 2)|});
        """);

    [Fact]
    public Task TextFeaturesScaledPerRowStayNormalized() => ExpectAsync("""
        var pipeline = ml.Transforms.Text.FeaturizeText("FeaturesText", "Description")
            .Append(ml.Transforms.CopyColumns("Features", "FeaturesText"))
            .Append(ml.Transforms.NormalizeLpNorm("Features", "Features"))
            .Append(ml.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: "Expensive"));
        """);

    [Fact]
    public Task TextFeaturesAndOneHotEncodingsCountAsNormalized() => ExpectAsync("""
        var pipeline = ml.Transforms.Text.FeaturizeText("Text", "Description")
            .Append(ml.Transforms.Categorical.OneHotEncoding("CityOneHot", "City"))
            .Append(ml.Transforms.Categorical.OneHotHashEncoding("CityHash", "City"))
            .Append(ml.Transforms.Concatenate("Features", "Text", "CityOneHot", "CityHash"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Expensive"));
        """);

    [Fact]
    public Task ConcatenateIsNormalizedOnlyWhenEveryInputIs() => ExpectAsync("""
        var mixed = ml.Transforms.NormalizeMinMax("SizeScaled", "Size")
            .Append(ml.Transforms.Concatenate("Features", "SizeScaled", "Rooms"))
            .Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});
        var all = ml.Transforms.NormalizeMinMax("SizeScaled", "Size")
            .Append(ml.Transforms.NormalizeMinMax("RoomsScaled", "Rooms"))
            .Append(ml.Transforms.Concatenate("Features", "SizeScaled", "RoomsScaled"))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        """);

    [Fact]
    public Task ALaterStageThatRewritesTheColumnClearsItsNormalization() => ExpectAsync("""
        var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.Transforms.ReplaceMissingValues("Features"))
            .Append({|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|});
        """);

    [Fact]
    public Task CopiesKeepTheMarkAndDroppingOtherColumnsChangesNothing() => ExpectAsync("""
        var pipeline = ml.Transforms.Concatenate("Raw", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Raw"))
            .Append(ml.Transforms.CopyColumns("Features", "Raw"))
            .Append(ml.Transforms.DropColumns("Description"))
            .AppendCacheCheckpoint(ml)
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        """);

    [Fact]
    public Task ANormalizerAfterTheTrainerDoesNotCount() => ExpectAsync("""
        var trainerFirst = {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var trainerInTheMiddle = ml.Transforms.Concatenate("Features", "Size")
            .Append({|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|})
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        """);

    // ---- The feature column the trainer reads ----

    [Fact]
    public Task TheFeatureColumnNameArgumentIsTheColumnChecked() => ExpectAsync("""
        var otherColumn = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append({|#0:ml.Regression.Trainers.Sdca(labelColumnName: "Price", featureColumnName: "Size")|});
        var sameColumn = ml.Transforms.Concatenate("Inputs", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Inputs"))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price", featureColumnName: "Inputs"));
        """,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Size", ""));

    [Fact]
    public Task TheOptionsObjectsFeatureColumnNameIsTheColumnChecked() => ExpectAsync("""
        var inline = ml.Transforms.NormalizeMeanVariance("Features", "Size")
            .Append({|#0:ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Price", FeatureColumnName = "Rooms" })|});
        var options = new OnlineGradientDescentTrainer.Options { LabelColumnName = "Price" };
        options.FeatureColumnName = "Scaled";
        var assigned = ml.Transforms.NormalizeMinMax("Scaled", "Size")
            .Append(ml.Regression.Trainers.OnlineGradientDescent(options));
        var defaulted = ml.Transforms.NormalizeMinMax("Scaled", "Size")
            .Append({|#1:ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options { LabelColumnName = "Price" })|});
        """,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Rooms", ""),
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(1).WithArguments("OnlineGradientDescent", "Features", ""));

    [Fact]
    public Task AColumnOrOptionsObjectOnlyKnownAtRunTimeStaysSilent() => ExpectAsync("""
        string column = rows.Length > 0 ? "Features" : "Other";
        var byName = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca(featureColumnName: column));
        SdcaRegressionTrainer.Options Make() => new SdcaRegressionTrainer.Options();
        var byOptions = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca(Make()));
        """);

    // ---- Pipelines through locals, chains and Fit ----

    [Fact]
    public Task ATrainerAppendedFromALocalIsReportedAtItsCreation() => ExpectAsync("""
        var features = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainer = {|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|};
        var pipeline = features.Append(trainer);
        var model = pipeline.Fit(data);
        """);

    [Fact]
    public Task ChainsBuiltAcrossLocalsAndReassignmentsAreFollowed() => ExpectAsync("""
        var estimator = new EstimatorChain<ITransformer>();
        var pipeline = estimator.Append(ml.Transforms.Concatenate("Features", "Size"));
        var normalized = pipeline.Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var good = normalized.Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        IEstimator<ITransformer> reassigned = ml.Transforms.Concatenate("Features", "Size");
        reassigned = reassigned.Append(ml.Transforms.CopyColumns("Copy", "Size"));
        var bad = reassigned.Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});
        """);

    [Fact]
    public Task ANestedChainSeesTheStagesOfTheChainItIsAppendedTo() => ExpectAsync("""
        var normalizedFirst = ml.Transforms.Concatenate("Features", "Size")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.Transforms.CopyColumns("Copy", "Size").Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price")));
        var trainerStartsTheInnerChain = ml.Transforms.NormalizeMinMax("Features", "Size")
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price").Append(ml.Transforms.CopyColumns("Copy", "Score")));
        var rawFirst = ml.Transforms.Concatenate("Features", "Size")
            .Append(ml.Transforms.CopyColumns("Copy", "Size").Append({|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}));
        """);

    [Fact]
    public Task ATrainerFitOnAViewFromTransformsWithoutANormalizerIsReported() => ExpectAsync("""
        var raw = ml.Data.LoadFromEnumerable(rows);
        var transformer = ml.Transforms.Concatenate("Features", "Size", "Rooms").Fit(raw);
        var view = transformer.Transform(raw);
        var model = {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}.Fit(view);
        var split = ml.Data.TrainTestSplit(view, testFraction: 0.2);
        var trainer = {|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|};
        var splitModel = trainer.Fit(ml.Data.ShuffleRows(split.TrainSet));
        """);

    [Fact]
    public Task ATrainerFitOnANormalizedViewOrAViewFromElsewhereStaysSilent() => ExpectAsync("""
        var raw = ml.Data.LoadFromEnumerable(rows);
        var view = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Fit(raw)
            .Transform(raw);
        var model = ml.Regression.Trainers.Sdca(labelColumnName: "Price").Fit(view);
        var fromCaller = ml.Regression.Trainers.Sdca(labelColumnName: "Price").Fit(data);
        var fromBinary = ml.Regression.Trainers.Sdca(labelColumnName: "Price").Fit(ml.Data.LoadFromBinary("houses.idv"));
        """);

    [Fact]
    public Task AChainThatStartsWithAnEstimatorFromElsewhereStaysSilent() => ExpectAsync("""
        IEstimator<ITransformer> Features() => ml.Transforms.NormalizeMeanVariance("Features");
        var pipeline = Features().Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        var custom = ml.Transforms.CustomMapping((House input, House output) => { }, contractName: null,
                outputSchemaDefinition: SchemaDefinition.Create(typeof(House)))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        """);

    [Fact]
    public Task ACustomMappingWritesTheColumnsOfItsOutputClassOnly() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Wine
        {
            [LoadColumn(0)] public float Acidity { get; set; }
            [LoadColumn(1)] public float SulfurDioxide { get; set; }
            [LoadColumn(2)] public float Quality { get; set; }
        }

        public class GoodWine
        {
            public bool Label { get; set; }
        }

        public class ScaledWine
        {
            [ColumnName("Sulfur")] public float SulfurScaled { get; set; }
        }

        public static class Training
        {
            public static void Train(MLContext ml, IDataView wines)
            {
                // The mapping computes the label; the chemistry passes through raw.
                var labelled = ml.Transforms.CustomMapping<Wine, GoodWine>((input, output) => output.Label = input.Quality >= 7, contractName: null)
                    .Append(ml.Transforms.Concatenate("Features", "Acidity", "SulfurDioxide"))
                    .Append({|#0:ml.BinaryClassification.Trainers.LinearSvm()|});
                labelled.Fit(wines);
                // The columns of its output class hold what the mapping computes: nothing known, so silent.
                var scaled = ml.Transforms.CustomMapping<Wine, ScaledWine>((input, output) => output.SulfurScaled = input.SulfurDioxide / 300f, contractName: null)
                    .Append(ml.Transforms.Concatenate("Features", "Sulfur"))
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Quality"));
                scaled.Fit(wines);
            }
        }
        """, TestReferences.WithMLNet, null,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("LinearSvm", "Features", ""));

    // ---- A transformer fitted in one class and applied in another ----

    private const string FeatureAndTrainerClasses = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class Ride
        {
            [LoadColumn(0)] public float Hour { get; set; }
            [LoadColumn(1)] public float Temperature { get; set; }
            [LoadColumn(2)] public float Label { get; set; }
        }

        internal sealed class Features
        {
            internal ITransformer Fit(MLContext ml, IDataView raw) => PREPARATION.Fit(raw);
        }

        internal sealed class Trainer
        {
            internal void Train(MLContext ml, ITransformer features, IDataView trainSet)
            {
                var trainer = TRAINER;
                trainer.Fit(features.Transform(trainSet));
            }
        }

        internal static class Program
        {
            private static void Main()
            {
                var ml = new MLContext();
                var data = ml.Data.LoadFromTextFile<Ride>("rides.csv", hasHeader: true, separatorChar: ',');
                var features = new Features().Fit(ml, data);
                new Trainer().Train(ml, features, data);
            }
        }
        """;

    [Fact]
    public Task ATransformerFromAFeatureClassThatOnlyConcatenatesIsReportedWhereTheTrainerIsFit() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        FeatureAndTrainerClasses.Replace("PREPARATION", "ml.Transforms.Concatenate(\"Features\", \"Hour\", \"Temperature\")")
            .Replace("TRAINER", "{|#0:ml.Regression.Trainers.Sdca()|}"),
        TestReferences.WithMLNet, null,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Features", ""));

    [Fact]
    public Task ATransformerFromAFeatureClassThatNormalizesIsSilent() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        FeatureAndTrainerClasses.Replace("PREPARATION", "ml.Transforms.Concatenate(\"Features\", \"Hour\", \"Temperature\").Append(ml.Transforms.NormalizeMinMax(\"Features\"))")
            .Replace("TRAINER", "ml.Regression.Trainers.Sdca()"),
        TestReferences.WithMLNet, null);

    // ---- Pipelines rebuilt in a loop over column names ----

    [Fact]
    public Task ALoopThatFillsMissingValuesOfEachColumnLeavesThemRaw() => ExpectAsync("""
        var featureColumns = new List<string> { "Size", "Rooms" };
        IEstimator<ITransformer> pipeline = ml.Transforms.CopyColumns("Target", "Price");
        foreach (var name in featureColumns)
        {
            pipeline = pipeline.Append(ml.Transforms.ReplaceMissingValues(name));
        }
        pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", featureColumns.ToArray()))
            .Append({|#0:ml.Regression.Trainers.Sdca(labelColumnName: "Target")|});
        """,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Features", ""));

    [Fact]
    public Task ALoopThatNormalizesEachColumnNormalizesExactlyThose() => ExpectAsync("""
        string[] scaled = { "Size", "Rooms" };
        IEstimator<ITransformer> both = new EstimatorChain<ITransformer>();
        foreach (var column in scaled)
            both = both.Append(ml.Transforms.NormalizeMeanVariance(column));
        both = both.Append(ml.Transforms.Concatenate("Features", "Size", "Rooms")).Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));

        string[] sizeOnly = { "Size" };
        IEstimator<ITransformer> one = new EstimatorChain<ITransformer>();
        foreach (var column in sizeOnly)
            one = one.Append(ml.Transforms.NormalizeMinMax(column));
        one = one.Append(ml.Transforms.Concatenate("Features", "Size", "Rooms")).Append({|#0:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|});
        """,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Features", ""));

    [Fact]
    public Task ALoopThatMaySkipAColumnOrLeaveEarlyIsNotFollowed() => ExpectAsync("""
        // A limit: which columns the loop wrote is not known, so the chain after it is unknown and the rule silent.
        string[] columns = { "Size", "Rooms" };
        IEstimator<ITransformer> some = new EstimatorChain<ITransformer>();
        foreach (var column in columns)
        {
            if (column != "Rooms")
                some = some.Append(ml.Transforms.ReplaceMissingValues(column));
        }
        some = some.Append(ml.Transforms.Concatenate("Features", columns)).Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));

        IEstimator<ITransformer> early = new EstimatorChain<ITransformer>();
        foreach (var column in columns)
        {
            early = early.Append(ml.Transforms.ReplaceMissingValues(column));
            if (column == "Size")
                break;
        }
        early = early.Append(ml.Transforms.Concatenate("Features", columns)).Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        """);

    [Fact]
    public Task ATrainerThatIsNeverPutInAPipelineStaysSilent() => ExpectAsync("""
        var trainer = ml.Regression.Trainers.Sdca(labelColumnName: "Price");
        object kept = trainer;
        """);

    // ---- A pipeline built by an abstract or virtual method of the project (a base trainer class and its subclasses) ----

    private const string TrainerBaseClasses = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public class House
        {
            [LoadColumn(0)] public float Size { get; set; }
            [LoadColumn(1)] public float Rooms { get; set; }
            [LoadColumn(2)] public float Price { get; set; }
        }

        ACCESS abstract class RegressionTrainerBase
        {
            protected readonly MLContext Ml = new MLContext(seed: 0);

            protected abstract IEstimator<ITransformer> BuildFeatures();

            public ITransformer Train()
            {
                var data = Ml.Data.LoadFromTextFile<House>("houses.csv", hasHeader: true, separatorChar: ',');
                var pipeline = BuildFeatures().Append(TRAINER);
                return pipeline.Fit(data);
            }
        }

        internal sealed class RawTrainer : RegressionTrainerBase
        {
            protected override IEstimator<ITransformer> BuildFeatures() => Ml.Transforms.Concatenate("Features", "Size", "Rooms");
        }

        OTHER
        """;

    private static string TrainerBase(string access, string other, bool reported)
        => TrainerBaseClasses.Replace("ACCESS", access).Replace("OTHER", other)
            .Replace("TRAINER", reported ? "{|#0:Ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")|}" : "Ml.Regression.Trainers.Sdca(labelColumnName: \"Price\")");

    private const string NormalizedTrainer = """
        internal sealed class NormalizedTrainer : RegressionTrainerBase
        {
            protected override IEstimator<ITransformer> BuildFeatures()
                => Ml.Transforms.Concatenate("Features", "Size", "Rooms").Append(Ml.Transforms.NormalizeMinMax("Features"));
        }
        """;

    [Fact]
    public Task APipelineEveryImplementationOfAnAbstractMethodBuildsRawIsReported() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase("internal", "", reported: true), TestReferences.WithMLNet, null,
        Verify<MLNetNormalizationAnalyzer>.Diagnostic("SCALE002").WithLocation(0).WithArguments("Sdca", "Features", ""));

    [Fact]
    public Task ImplementationsThatDisagreeAreUnknownSoSilent() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase("internal", NormalizedTrainer, reported: false), TestReferences.WithMLNet);

    [Fact]
    public Task AnAbstractMethodALibrarysUsersMayImplementIsUnknownSoSilent() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase("public", "", reported: false), TestReferences.WithMLNet);

    [Fact]
    public Task APipelineEveryImplementationNormalizesIsSilent() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase("internal", "", reported: false).Replace("=> Ml.Transforms.Concatenate(\"Features\", \"Size\", \"Rooms\");",
            "=> Ml.Transforms.Concatenate(\"Features\", \"Size\", \"Rooms\").Append(Ml.Transforms.NormalizeMeanVariance(\"Features\"));"),
        TestReferences.WithMLNet);
}
