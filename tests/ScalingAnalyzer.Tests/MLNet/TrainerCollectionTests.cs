using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.MLNet.MLNetTestCode;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>
/// Trainers written out in a collection that a loop appends one by one, the ML.NET samples' way of comparing
/// trainers (machinelearning-samples' BikeSharingDemand, a miss of the real-world sweep): each trainer is checked
/// against the pipeline the loop appends it to.
/// </summary>
public class TrainerCollectionTests
{
    private static Task ExpectAsync(string body) =>
        Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(InTrainingMethod(body), TestReferences.WithMLNet);

    [Fact]
    public Task TupleFieldsAppendedInALoopAreReported() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms").AppendCacheCheckpoint(ml);
        (string name, IEstimator<ITransformer> value)[] learners =
        {
            ("Poisson", {|SCALE002:ml.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: "Price")|}),
            ("SDCA", {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}),
        };
        foreach (var learner in learners)
        {
            var trainingPipeline = dataProcess.Append(learner.value);
            var model = trainingPipeline.Fit(data);
        }
        """);

    [Fact]
    public Task DeconstructedTupleFieldsAppendedInALoopAreReported() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var learners = new[]
        {
            ("SDCA", (IEstimator<ITransformer>){|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|}),
            ("OGD", {|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|}),
        };
        foreach (var (name, trainer) in learners)
            dataProcess.Append(trainer).Fit(data);
        foreach ((string label, var _) in learners)
            System.Console.WriteLine(label);
        """);

    [Fact]
    public Task DictionaryValuesAppendedInALoopAreReported() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainers = new Dictionary<string, IEstimator<ITransformer>>
        {
            { "SDCA", {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|} },
        };
        trainers.Add("Poisson", {|SCALE002:ml.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: "Price")|});
        var byIndex = new Dictionary<string, IEstimator<ITransformer>>
        {
            ["OGD"] = {|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|},
        };
        foreach (var entry in trainers)
            dataProcess.Append(entry.Value).Fit(data);
        foreach (var entry in byIndex)
            dataProcess.Append(entry.Value).Fit(data);
        """);

    [Theory]
    [InlineData("foreach (var (name, trainer) in trainers) dataProcess.Append(trainer).Fit(data);")]
    [InlineData("foreach (var trainer in trainers.Values) dataProcess.Append(trainer).Fit(data);")]
    [InlineData("foreach (KeyValuePair<string, IEstimator<ITransformer>> pair in trainers) dataProcess.Append(pair.Value).Fit(data);")]
    public Task DictionaryValuesReadEveryWayALoopReadsThemAreReported(string loop) => ExpectAsync($$"""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainers = new Dictionary<string, IEstimator<ITransformer>>();
        trainers["SDCA"] = {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|};
        {{loop}}
        """);

    [Fact]
    public Task DictionaryValuesAppendedAfterANormalizerAreSilent() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var trainers = new Dictionary<string, IEstimator<ITransformer>>
        {
            { "SDCA", ml.Regression.Trainers.Sdca(labelColumnName: "Price") },
        };
        foreach (var (name, trainer) in trainers)
            dataProcess.Append(trainer).Fit(data);
        """);

    [Theory]
    [InlineData("trainers.Remove(\"SDCA\"); foreach (var entry in trainers) dataProcess.Append(entry.Value).Fit(data);")]
    [InlineData("trainers = new Dictionary<string, IEstimator<ITransformer>>(); foreach (var entry in trainers) dataProcess.Append(entry.Value).Fit(data);")]
    [InlineData("trainers[\"SDCA\"] = other; dataProcess.Append(trainers[\"SDCA\"]).Fit(data);")]
    [InlineData("trainers.Add(key, other); dataProcess.Append(trainers[\"SDCA\"]).Fit(data);")]
    [InlineData("dataProcess.Append(trainers[key]).Fit(data);")]
    [InlineData("dataProcess.Append(trainers[\"Other\"]).Fit(data);")]
    [InlineData("if (trainers.TryGetValue(\"Other\", out var trainer)) dataProcess.Append(trainer).Fit(data);")]
    [InlineData("if (trainers.TryGetValue(key, out var trainer)) dataProcess.Append(trainer).Fit(data);")]
    [InlineData("if (trainers.TryGetValue(\"SDCA\", out var trainer)) { trainer = other; dataProcess.Append(trainer).Fit(data); }")]
    [InlineData("IEstimator<ITransformer> trainer = other; if (trainers.TryGetValue(\"SDCA\", out trainer)) dataProcess.Append(trainer).Fit(data);")]
    public Task ADictionaryWithValuesRemovedOrReassignedOrReadByAKeyWrittenTwiceOrNotKnownIsNotFollowed(string use) => ExpectAsync($$"""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var key = System.Console.ReadLine() ?? "SDCA";
        IEstimator<ITransformer> other = ml.Transforms.CopyColumns("Size2", "Size");
        var trainers = new Dictionary<string, IEstimator<ITransformer>> { { "SDCA", ml.Regression.Trainers.Sdca(labelColumnName: "Price") } };
        {{use}}
        """);

    [Theory]
    [InlineData("dataProcess.Append(trainers[\"SDCA\"]).Fit(data);")]
    [InlineData("const string Chosen = \"SDCA\"; dataProcess.Append(trainers[Chosen]).Fit(data);")]
    [InlineData("foreach (var name in trainers.Keys) dataProcess.Append(trainers[name]).Fit(data);")]
    [InlineData("if (trainers.TryGetValue(\"SDCA\", out var trainer)) dataProcess.Append(trainer).Fit(data);")]
    [InlineData("if (trainers.TryGetValue(\"SDCA\", out IEstimator<ITransformer> trainer)) { var pipeline = dataProcess.Append(trainer); pipeline.Fit(data); }")]
    public Task ADictionaryValueReadByItsKeyIsReported(string use) => ExpectAsync($$"""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainers = new Dictionary<string, IEstimator<ITransformer>>
        {
            ["SDCA"] = {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|},
            ["Copy"] = ml.Transforms.CopyColumns("Size2", "Size"),
        };
        {{use}}
        """);

    [Fact]
    public Task ADictionaryValueAddedAndReadByItsKeyAfterANormalizerIsSilent() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMinMax("Features"));
        var trainers = new Dictionary<string, IEstimator<ITransformer>>();
        trainers.Add("SDCA", ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
        dataProcess.Append(trainers["SDCA"]).Fit(data);
        """);

    /// <summary>
    /// The TrainerBase&lt;T&gt; idiom of many public repositories (rubikscode's ML.NET series and the projects built
    /// from it): each subclass's constructor stores its trainer in a protected field that the base class appends where
    /// it fits. The trainer is checked against that pipeline.
    /// </summary>
    private const string TrainerBase = """
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Microsoft.ML.Trainers;

        public class Row
        {
            [LoadColumn(0)] public float Size { get; set; }
            [LoadColumn(1)] public float Price { get; set; }
        }

        public abstract class TrainerBase<TParameters> where TParameters : class
        {
            protected readonly MLContext MlContext = new MLContext(1);
            protected ITrainerEstimator<RegressionPredictionTransformer<TParameters>, TParameters> Model;

            public ITransformer Fit(string path)
            {
                var data = MlContext.Data.LoadFromTextFile<Row>(path, separatorChar: ',');
                var pipeline = MlContext.Transforms.Concatenate("Features", "Size")NORMALIZE;
                return pipeline.Append(Model).Fit(data);
            }
        }

        public class SdcaTrainer : TrainerBase<LinearRegressionModelParameters>
        {
            public SdcaTrainer() => Model = TRAINER;
        }
        """;

    [Fact]
    public Task ATrainerAProtectedFieldHoldsIsCheckedWhereTheBaseClassAppendsIt() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase.Replace("NORMALIZE", "").Replace("TRAINER", """{|SCALE002:MlContext.Regression.Trainers.Sdca(labelColumnName: "Price")|}"""),
        TestReferences.WithMLNet);

    [Fact]
    public Task ATrainerAProtectedFieldHoldsAppendedAfterANormalizerIsSilent() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase.Replace("NORMALIZE", """.Append(MlContext.Transforms.NormalizeMinMax("Features"))""").Replace("TRAINER", """MlContext.Regression.Trainers.Sdca(labelColumnName: "Price")"""),
        TestReferences.WithMLNet);

    [Fact]
    public Task ATrainerInAPublicFieldOfALibraryIsNotFollowed() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync(
        TrainerBase.Replace("protected ITrainerEstimator", "public ITrainerEstimator").Replace("NORMALIZE", "")
            .Replace("TRAINER", """MlContext.Regression.Trainers.Sdca(labelColumnName: "Price")"""),
        TestReferences.WithMLNet);

    [Fact]
    public Task TupleFieldsAppendedAfterANormalizerAreSilent() => ExpectAsync("""
        var dataProcess = ml.Transforms.Concatenate("Features", "Size", "Rooms")
            .Append(ml.Transforms.NormalizeMinMax("Features"));
        var learners = new (string Name, IEstimator<ITransformer> Trainer)[]
        {
            ("Poisson", ml.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: "Price")),
            ("SDCA", ml.Regression.Trainers.Sdca(labelColumnName: "Price")),
        };
        foreach (var learner in learners)
            dataProcess.Append(learner.Trainer).Fit(data);
        """);

    /// <summary>Two trainers in an array, appended in a loop to features without a normalizer.</summary>
    private const string ArrayOfTrainers = """
        var features = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var trainers = new IEstimator<ITransformer>[]
        {
            {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|},
            {|SCALE002:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price")|},
        };
        foreach (var trainer in trainers)
            features.Append(trainer).Fit(data);
        """;

    [Fact]
    public Task ArrayAndListElementsAppendedInALoopAreReported() => ExpectAsync(ArrayOfTrainers + """

        var listed = new List<IEstimator<ITransformer>> { {|SCALE002:ml.Regression.Trainers.Sdca(labelColumnName: "Price")|} };
        foreach (var trainer in listed)
            features.Append(trainer).Fit(data);
        """);

    [Fact]
    public Task OnlyTheTrainersFieldCountsAndAReassignedCollectionIsNotFollowed() => ExpectAsync("""
        var features = ml.Transforms.Concatenate("Features", "Size", "Rooms");
        var named = new (IEstimator<ITransformer> Trainer, IEstimator<ITransformer> Other)[]
        {
            (ml.Regression.Trainers.Sdca(labelColumnName: "Price"), ml.Transforms.NormalizeMinMax("Features")),
        };
        foreach (var pair in named)
            features.Append(pair.Other).Fit(data);
        var reassigned = new IEstimator<ITransformer>[] { ml.Regression.Trainers.Sdca(labelColumnName: "Price") };
        reassigned = new IEstimator<ITransformer>[0];
        foreach (var trainer in reassigned)
            features.Append(trainer).Fit(data);
        """);

    [Fact]
    public Task TheFixNormalizesOnceBeforeTheLoopsAppend() => Verify<MLNetNormalizationAnalyzer>.CodeFixAsync<MLNetNormalizationFixer>(
        InTrainingMethod(ArrayOfTrainers),
        InTrainingMethod(ArrayOfTrainers.Replace("{|SCALE002:", "").Replace("|}", "")
            .Replace("features.Append(trainer)", "features.Append(ml.Transforms.NormalizeMeanVariance(\"Features\")).Append(trainer)")),
        MLNetNormalizationFixer.MeanVarianceEquivalenceKey, TestReferences.WithMLNet);
}
