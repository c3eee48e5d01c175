using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Tests.Reliability.Generation;

namespace ScalingAnalyzer.Benchmarks;

/// <summary>
/// Time and memory of the shipped analyzers on methods far beyond what people write (the shapes of
/// tests/ScalingAnalyzer.Tests/Reliability/Generation/PathologicalPrograms.cs, linked into this project), against
/// the compiler alone binding the same method: the analyzers must stay within a small multiple of it, not blow up.
/// Run: dotnet run -c Release --project benchmarks/ScalingAnalyzer.Benchmarks -- --filter *PathologicalInput*
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]   // one analysis takes seconds: five measured runs per shape keep the whole class within minutes
public class PathologicalInputBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    private CSharpCompilation _compilation = null!;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "";

    /// <summary>
    /// The reliability tests' shapes (nested loops at depth 200 among them), plus nested loops at depths 4, 6 and 8,
    /// where the analysis still runs every loop to its fixed point (deeper methods hit its work budget).
    /// </summary>
    public static IEnumerable<string> Shapes()
        => PathologicalPrograms.All().Select(program => program.Name)
            .Concat(new[] { 4, 6, 8 }.Select(depth => $"{nameof(PathologicalPrograms.NestedLoops)}({depth})"));

    private static string SourceOf(string shape)
        => shape.StartsWith(nameof(PathologicalPrograms.NestedLoops) + "(", StringComparison.Ordinal)
            ? PathologicalPrograms.NestedLoops(int.Parse(shape[(nameof(PathologicalPrograms.NestedLoops).Length + 1)..^1], System.Globalization.CultureInfo.InvariantCulture))
            : PathologicalPrograms.All().Single(program => program.Name == shape).Source;

    [GlobalSetup]
    public void CreateCompilation()
    {
        // The running .NET's own assemblies, TorchSharp and the runtime library: what the sources need to bind.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        var references = platform
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var source = SourceOf(Shape);
        _compilation = CSharpCompilation.Create(
            "Pathological",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"{Shape} does not compile: {string.Join("; ", errors.Take(3))}");
        if (Analyzers.IsEmpty)
            throw new InvalidOperationException("No analyzer found in ScalingAnalyzer.dll.");
    }

    /// <summary>The compiler binding and checking the method, with no analyzer: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerOnly() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>The same, plus every shipped analyzer (fresh symbols each time, as in a build).</summary>
    [Benchmark]
    public int CompilerAndScalingAnalyzers()
        => _compilation.Clone().WithAnalyzers(Analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}
