using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Analysis.MLNet;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.MLNet.MLNetTestCode;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>SCALE002 on code being typed, and on compilations without ML.NET: never an exception, nothing registered.</summary>
public class MLNetRobustnessTests
{
    [Theory]
    [InlineData("""var pipeline = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.OnlineGradientDescent(""")]
    [InlineData("""var pipeline = ml.Transforms.Concatenate("Features", ).Append(ml.Regression.Trainers.Sdca());""")]
    [InlineData("""var trainer = ml.Regression.Trainers.Sdca(featureColumnName: ); var p = ml.Transforms.Concatenate("Features", "Size").Append(trainer);""")]
    [InlineData("""var pipeline = missing.Append(ml.Regression.Trainers.Sdca());""")]
    [InlineData("""var pipeline = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca(new Unknown.Options { FeatureColumnName = 1 }));""")]
    [InlineData("""var pipeline = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { FeatureColumnName = }));""")]
    [InlineData("""var trainer = ml.Regression.Trainers.Sdca(); trainer = ; var p = trainer.Append(""")]
    [InlineData("""ml.Regression.Trainers.OnlineGradientDescent().Fit(""")]
    [InlineData("""var p = ml.Transforms.NormalizeMeanVariance(new[] { new InputOutputColumnPair() }).Append(ml.Regression.Trainers.Sdca());""")]
    [InlineData("""var p = ml.Transforms.NormalizeMeanVariance(new[] { null, new InputOutputColumnPair("Features") }).Append(ml.Regression.Trainers.Sdca());""")]
    [InlineData("""IEstimator<ITransformer> p = null!; for (;;) { p = p.Append(p).Append(ml.Regression.Trainers.Sdca()); }""")]
    [InlineData("""var ova = ml.Transforms.Concatenate("Features", "Size").Append(ml.MulticlassClassification.Trainers.OneVersusAll());""")]
    [InlineData("""var ova = ml.Transforms.Concatenate("Features", "Size").Append(ml.MulticlassClassification.Trainers.OneVersusAll(binary));""")]
    [InlineData("""var t = ml.Regression.Trainers.Sdca(); var t2 = t; t = t2; var p = ml.Transforms.Concatenate("Features", "Size").Append(t).Append(t2);""")]
    [InlineData("""var view = ml.Transforms.Concatenate("Features", "Size").Fit(data).Transform(; var m = ml.Regression.Trainers.Sdca().Fit(view);""")]
    [InlineData("""var split = ml.Data.TrainTestSplit(); var m = ml.Regression.Trainers.Sdca().Fit(split.TrainSet);""")]
    [InlineData("""var p = ml.Transforms.Concatenate(null, "Size").Append(ml.Transforms.CopyColumns(null, null)).Append(ml.Regression.Trainers.Sdca(featureColumnName: null));""")]
    [InlineData(""""var p = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca(featureColumnName: "Features"""")]
    public async Task HalfTypedPipelinesNeverThrow(string body)
    {
        var (_, exceptions) = await RunAnalyzerAsync(InTrainingMethod(body), TestReferences.WithMLNet);
        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task AnErrorElsewhereInTheMethodDoesNotHideTheDiagnostic()
    {
        var (diagnostics, exceptions) = await RunAnalyzerAsync(InTrainingMethod("""
            int broken = "text";
            var pipeline = ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price"));
            """), TestReferences.WithMLNet);
        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCALE002", diagnostic.Id);
        Assert.Equal("Sdca needs normalized features, but column 'Features' is not normalized before it in the pipeline; append a normalizer such as NormalizeMeanVariance(\"Features\") before the trainer", diagnostic.GetMessage());
    }

    [Fact]
    public async Task NothingIsResolvedWithoutMicrosoftML()
    {
        var withoutMLNet = await CompileAsync("class C { }", TestReferences.Net80);
        var withMLNet = await CompileAsync("class C { }", TestReferences.WithMLNet);
        Assert.Null(MLNetKnownSymbols.TryCreate(withoutMLNet));
        Assert.NotNull(MLNetKnownSymbols.TryCreate(withMLNet));
    }

    [Fact]
    public Task LookalikeMethodsWithoutMicrosoftMLStaySilent() => Verify<MLNetNormalizationAnalyzer>.AnalyzerAsync("""
        class Trainers { public object Sdca() => new object(); public object OnlineGradientDescent() => new object(); }
        class Pipeline { public Pipeline Append(object stage) => this; }
        class Program
        {
            static void Main() => new Pipeline().Append(new Trainers().OnlineGradientDescent()).Append(new Trainers().Sdca());
        }
        """, TestReferences.Net80);

    private static async Task<CSharpCompilation> CompileAsync(string source, ReferenceAssemblies referenceAssemblies)
    {
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "HalfTyped",
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> RunAnalyzerAsync(string source, ReferenceAssemblies referenceAssemblies)
    {
        var compilation = await CompileAsync(source, referenceAssemblies);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MLNetNormalizationAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }
}
