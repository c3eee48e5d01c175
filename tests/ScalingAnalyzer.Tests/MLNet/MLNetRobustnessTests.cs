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
    // Rows scaled in half-typed for loops, trainers read by TryGetValue, rows made by constructors that do not bind.
    [InlineData("""var rows = new List<House>(); for (;;) rows[i].Size = rows[i].Size / 2; var v = ml.Data.LoadFromEnumerable(rows); ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(v);""")]
    [InlineData("""var rows = new House[2]; for (int i = 0; i < rows.; i++) rows[i].Size = (rows[i].Size - rows.Min(r => r.Size)) / ; var v = ml.Data.LoadFromEnumerable(rows); ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(v);""")]
    [InlineData("""var rows = new List<House>(); for (int i = 0, j = 1; i < rows.Count; i++, j++) rows[i, j].Size = 1; var v = ml.Data.LoadFromEnumerable(rows); ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(v);""")]
    [InlineData("""var trainers = new Dictionary<string, IEstimator<ITransformer>> { { "s", ml.Regression.Trainers.Sdca() } }; if (trainers.TryGetValue("s", out )) ml.Transforms.Concatenate("Features", "Size").Append(trainer).Fit(data);""")]
    [InlineData("""var trainers = new Dictionary<string, IEstimator<ITransformer>> { { "s", ml.Regression.Trainers.Sdca() } }; if (trainers.TryGetValue(null, out var t, 3)) ml.Transforms.Concatenate("Features", "Size").Append(t).Fit(data);""")]
    [InlineData("""var v = ml.Data.LoadFromEnumerable(new[] { new House(1f, ), new House(size: 2f, price: 3f), new House() }); ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(v);""")]
    [InlineData("""var v = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 9).Select(i => new Unknown(i, i))); ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(v);""")]
    public async Task HalfTypedPipelinesNeverThrow(string body)
    {
        var (_, exceptions) = await RunAnalyzerAsync(InTrainingMethod(body), TestReferences.WithMLNet);
        Assert.Empty(exceptions);
    }

    [Theory]
    // A trainer handed around in a cycle of helpers, and a helper that passes its parameter to itself.
    [InlineData("""
        static class P
        {
            static void Main() { var ml = new MLContext(); A(ml, ml.Regression.Trainers.Sdca()); }
            static void A(MLContext ml, IEstimator<ITransformer> t) => B(ml, t);
            static void B(MLContext ml, IEstimator<ITransformer> t) { A(ml, t); Self(ml, t, 3); }
            static void Self(MLContext ml, IEstimator<ITransformer> t, int n) { if (n > 0) Self(ml, t, n - 1); ml.Transforms.Concatenate("Features", "Size").Append(t); }
        }
        """)]
    // A chain returned to callers that return it again, and fit on a field written in odd ways.
    [InlineData("""
        static class P
        {
            private static IDataView data;
            private static IDataView other = null!;
            static void Main() { var ml = new MLContext(); data = Load(ml); (data, other) = (other, data); Outer(ml).Fit(data); Outer(ml).Fit(other); }
            static IDataView Load(MLContext ml) => ml.Data.LoadFromTextFile<House>("x.csv", separatorChar: ',');
            static IEstimator<ITransformer> Outer(MLContext ml) => Inner(ml);
            static IEstimator<ITransformer> Inner(MLContext ml) { return ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()); }
        }
        """)]
    // Rows parsed from lines, half typed.
    [InlineData("""
        static class P
        {
            static void Main()
            {
                var ml = new MLContext();
                var rows = System.IO.File.ReadLines().Skip().Select(l => l.Split()).Select(p => new House { Size = float.Parse(p[]), Rooms = float.Parse(p[-1]), Price = float.Parse(p[1]) }).ToList();
                ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(ml.Data.LoadFromEnumerable(rows));
                ml.Transforms.Concatenate("Features", "Size").Append(ml.Regression.Trainers.Sdca()).Fit(ml.Data.LoadFromEnumerable(Read("a.csv")));
            }
            static IEnumerable<House> Read(string path)
            {
                foreach (var line in System.IO.File.ReadAllLines(path).Skip(1).Where(x => x.Length > 0))
                {
                    var f = line.Split(',', ';');
                    yield return new House { Size = float.Parse(f[0].Trim()), Rooms = System.Convert.ToSingle(f[1]) };
                    yield return new House { Size = float.Parse(line.Split(',')[2]) };
                }
                return;
            }
        }
        """)]
    // A trainer chosen by a switch or conditional, appended where nothing is in view.
    [InlineData("""
        static class P
        {
            static void Main(string[] args)
            {
                var ml = new MLContext();
                IEstimator<ITransformer> t = args.Length switch { 0 => ml.Regression.Trainers.Sdca(), 1 => args.Length > 2 ? ml.Regression.Trainers.OnlineGradientDescent() : null!, _ => };
                var p = Build(ml, t);
            }
            static IEstimator<ITransformer> Build(MLContext ml, IEstimator<ITransformer> t) => t.Append(t);
        }
        """)]
    public async Task CodeSpreadOverMethodsNeverThrows(string members)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public sealed class House
            {
                [LoadColumn(0)] public float Size { get; set; }
                [LoadColumn(1)] public float Rooms { get; set; }
                [LoadColumn(2)] public float Price { get; set; }
            }

            {{members}}
            """;
        var (_, exceptions) = await RunAnalyzerAsync(source, TestReferences.WithMLNet, OutputKind.ConsoleApplication);
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

    private static async Task<CSharpCompilation> CompileAsync(string source, ReferenceAssemblies referenceAssemblies, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "HalfTyped",
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> RunAnalyzerAsync(
        string source, ReferenceAssemblies referenceAssemblies, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = await CompileAsync(source, referenceAssemblies, outputKind);
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
