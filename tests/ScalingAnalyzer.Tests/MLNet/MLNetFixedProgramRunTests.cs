using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>
/// The seed's house-price regression with ML.NET's OnlineGradientDescent, run for real before and after SCALE002's
/// fix: the code-fix engine rewrites the program, Roslyn compiles it in memory against the ML.NET assemblies this
/// test runs with, and the program trains.
/// </summary>
public class MLNetFixedProgramRunTests(ITestOutputHelper output)
{
    // 50 passes at learning rate 0.5: with the default single pass OGD stops far from the optimum even on normalized
    // features (measured: RMSE 49k against 10.3k), so the example asks for enough passes to converge.
    private const string HousePricesProgram = """
        using System;
        using System.Collections.Generic;
        using Microsoft.ML;

        public sealed class House
        {
            public float Size { get; set; }
            public float Price { get; set; }
        }

        public static class HousePrices
        {
            /// <summary>The seed's data: 100 houses of 500..5000 sq ft, price = 100 * size + 20000 + N(0, 10000), seed 42.</summary>
            public static List<House> Generate()
            {
                var random = new Random(42);
                var houses = new List<House>();
                for (var i = 0; i < 100; i++)
                {
                    var size = random.NextDouble() * 4500 + 500;
                    var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    houses.Add(new House { Size = (float)size, Price = (float)(100 * size + 20000 + noise * 10000) });
                }
                return houses;
            }

            public static double TrainAndMeasureRmse()
            {
                var ml = new MLContext(seed: 42);
                var data = ml.Data.LoadFromEnumerable(Generate());
                var pipeline = ml.Transforms.Concatenate("Features", nameof(House.Size))
                    .Append(ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(House.Price), learningRate: 0.5f, numberOfIterations: 50));
                var model = pipeline.Fit(data);
                return ml.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(House.Price)).RootMeanSquaredError;
            }
        }
        """;

    [Fact]
    public async Task TheFixedHousePriceProgramTrainsToTheLeastSquaresError()
    {
        var references = RuntimeReferences();
        var original = CreateDocument(HousePricesProgram, references);

        var fixedSource = await ApplyDefaultFixAsync(original);
        Assert.Contains(".Append(ml.Transforms.NormalizeMeanVariance(\"Features\"))", fixedSource);

        var before = Load(HousePricesProgram, "HousePricesBeforeFix", references);
        var failure = Assert.Throws<TargetInvocationException>(() => Invoke(before, "TrainAndMeasureRmse"));
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Contains("NaN or Infinite", failure.InnerException!.Message);

        var after = Load(fixedSource, "HousePricesAfterFix", references);
        var rmse = (double)Invoke(after, "TrainAndMeasureRmse")!;
        var houses = (System.Collections.IEnumerable)Invoke(after, "Generate")!;
        var leastSquaresRmse = LeastSquaresRmse(houses);

        output.WriteLine($"OnlineGradientDescent after the fix: RMSE {rmse:F1}; least squares: RMSE {leastSquaresRmse:F1}");
        Assert.InRange(leastSquaresRmse, 9_000, 11_500); // the noise level is 10k
        Assert.InRange(rmse, leastSquaresRmse, leastSquaresRmse * 1.05);
    }

    /// <summary>The RMSE of the least-squares line on the program's own data (ScalingAnalyzer.Runtime's reference regression).</summary>
    private static double LeastSquaresRmse(System.Collections.IEnumerable houses)
    {
        var sizes = new List<double>();
        var prices = new List<double>();
        foreach (var house in houses)
        {
            var type = house.GetType();
            sizes.Add((float)type.GetProperty("Size")!.GetValue(house)!);
            prices.Add((float)type.GetProperty("Price")!.GetValue(house)!);
        }
        var x = new double[sizes.Count, 1];
        for (var i = 0; i < sizes.Count; i++)
            x[i, 0] = sizes[i];
        var fit = ScalingAnalyzer.Runtime.LeastSquares.Fit(x, prices.ToArray());
        var squaredError = 0.0;
        for (var i = 0; i < sizes.Count; i++)
            squaredError += Math.Pow(prices[i] - fit.Predict(new[] { sizes[i] }), 2);
        return Math.Sqrt(squaredError / sizes.Count);
    }

    private static async Task<string> ApplyDefaultFixAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MLNetNormalizationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCALE002", diagnostic.Id);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MLNetNormalizationFixer().RegisterCodeFixesAsync(context);
        var meanVariance = actions.First();
        Assert.Equal(MLNetNormalizationFixer.MeanVarianceEquivalenceKey, meanVariance.EquivalenceKey);

        var operations = await meanVariance.GetOperationsAsync(CancellationToken.None);
        var changedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedText = await changedSolution.GetDocument(document.Id)!.GetTextAsync();
        return fixedText.ToString();
    }

    private static Document CreateDocument(string source, ImmutableArray<MetadataReference> references)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "HousePrices", "HousePrices", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            metadataReferences: references));
        return workspace.AddDocument(project.Id, "HousePrices.cs", SourceText.From(source));
    }

    private static Assembly Load(string source, string assemblyName, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        image.Position = 0;
        // The default context, so the program binds to the Microsoft.ML this test process already loaded.
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    private static object? Invoke(Assembly assembly, string method)
        => assembly.GetType("HousePrices")!.GetMethod(method)!.Invoke(null, null);

    /// <summary>The assemblies this test process runs on that the program needs: the .NET runtime and Microsoft.ML.</summary>
    private static ImmutableArray<MetadataReference> RuntimeReferences()
    {
        _ = typeof(Microsoft.ML.MLContext); // the program binds to this process' Microsoft.ML
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetFileName(path) is var name
                && name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.ML", StringComparison.Ordinal)
                    || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
