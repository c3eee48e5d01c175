using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Reliability;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// SCALE001/SCALE003/SCALE004 precision and recall on whole TorchSharp programs written the way the public examples
/// and small public TorchSharp repositories write them (TorchSharpIdioms/SampleSet: one folder per program; its data
/// files under Data/ given to the analyzer as AdditionalFiles, the way the package's targets give a project's
/// .csv/.tsv/.txt items; an optional <c>analyzer.globalconfig</c> of <c>key = value</c> lines as the project's
/// options). A line that ends with <c>// SCALE00N expected</c> is where that rule must report; every other report of
/// these rules is a false alarm, and a report with another id on a marked line is a false alarm and a miss.
/// </summary>
public class TorchSharpSampleSetTests
{
    private static readonly string[] RuleIds = { "SCALE001", "SCALE003", "SCALE004" };
    private static readonly string SetDirectory = Path.Combine(AppContext.BaseDirectory, "TorchSharpIdioms", "SampleSet");

    private readonly ITestOutputHelper output;

    public TorchSharpSampleSetTests(ITestOutputHelper output) => this.output = output;

    public static IEnumerable<object[]> Programs()
        => Directory.GetDirectories(SetDirectory).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).Select(name => new object[] { name! });

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task EachProgramIsReportedWhereExpected(string name)
    {
        var result = await AnalyzeAsync(name);
        Assert.True(result.FalseAlarms.IsEmpty && result.Misses.IsEmpty,
            $"{name}: false alarms [{string.Join(", ", result.FalseAlarms)}], misses [{string.Join(", ", result.Misses)}]; messages: {string.Join(" | ", result.Messages)}");
    }

    [Fact]
    public async Task PrecisionAndRecallOverTheSetAreAtLeastNinetyPercent()
    {
        int truePositives = 0, falseAlarms = 0, misses = 0, programs = 0, withProblems = 0;
        foreach (var name in Programs().Select(row => (string)row[0]))
        {
            var result = await AnalyzeAsync(name);
            programs++;
            if (result.Expected > 0)
                withProblems++;
            truePositives += result.TruePositives;
            falseAlarms += result.FalseAlarms.Length;
            misses += result.Misses.Length;
            var verdict = result.FalseAlarms.IsEmpty && result.Misses.IsEmpty ? "ok" : $"false alarms [{string.Join(", ", result.FalseAlarms)}], misses [{string.Join(", ", result.Misses)}]";
            output.WriteLine($"{name}: {verdict}");
            foreach (var message in result.Messages)
                output.WriteLine($"    {message}");
        }
        var precision = truePositives + falseAlarms == 0 ? 1 : (double)truePositives / (truePositives + falseAlarms);
        var recall = truePositives + misses == 0 ? 1 : (double)truePositives / (truePositives + misses);
        output.WriteLine($"{programs} programs ({withProblems} with a scaling problem): true positives {truePositives}, false alarms {falseAlarms}, misses {misses}: precision {precision:P0}, recall {recall:P0}");
        Assert.True(programs >= 20 && withProblems >= 8 && programs - withProblems >= 8, "the set must hold programs with and without problems");
        Assert.True(precision >= 0.9, $"precision {precision:P1}");
        Assert.True(recall >= 0.9, $"recall {recall:P1}");
    }

    /// <summary>Every fix offered on a program of the set, applied alone and by Fix All, leaves it compiling (with the data files in view).</summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public async Task EveryFixOfferedCompiles(string name)
    {
        var folder = Path.Combine(SetDirectory, name);
        var documents = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .Append(("ImplicitUsings.g", ReliabilityCompilations.ImplicitUsings))
            .ToList();
        var references = UsesDataFrame(documents.Select(document => document.Item2))
            ? (await ReliabilityCompilations.ReferencesAsync()).AddRange(DataFrameReferences)
            : (ImmutableArray<MetadataReference>?)null;
        var runner = await CodeFixRunner.OpenAsync(name, documents, OptionsOf(folder, name), OutputKind.ConsoleApplication, references);
        Assert.Empty(runner.OriginalErrors);
        var applications = (await runner.ApplyEachAsync()).Concat(await runner.ApplyFixAllAsync(new[] { Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document })).Concat(runner.RegistrationFailures).ToList();
        output.WriteLine($"{name}: {applications.Count} fixes applied");
        var broken = applications.Where(application => application.BrokeCode || !application.AnalyzerFailuresAfterFix.IsEmpty).ToList();
        Assert.True(broken.Count == 0, string.Join("\n\n", broken));
    }

    /// <summary>Microsoft.Data.Analysis (and Apache.Arrow, which its types expose), for programs that load data with DataFrame.</summary>
    private static readonly ImmutableArray<MetadataReference> DataFrameReferences = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Apache.Arrow.RecordBatch).Assembly.Location));

    private static bool UsesDataFrame(IEnumerable<string> sources) => sources.Any(source => source.Contains("Microsoft.Data.Analysis", StringComparison.Ordinal));

    private static AnalyzerOptions OptionsOf(string folder, string name)
    {
        var dataFolder = Path.Combine(folder, "Data");
        var files = Directory.Exists(dataFolder)
            ? Directory.GetFiles(dataFolder).OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (AdditionalText)new DataFile(Path.Combine("/samples", name, "Data", Path.GetFileName(path)), File.ReadAllText(path)))
                .ToImmutableArray()
            : ImmutableArray<AdditionalText>.Empty;
        var configPath = Path.Combine(folder, "analyzer.globalconfig");
        return new AnalyzerOptions(files, new ProjectOptions(File.Exists(configPath) ? ReadConfig(File.ReadAllLines(configPath)) : ImmutableDictionary<string, string>.Empty));
    }

    private sealed record SetResult(int Expected, int TruePositives, ImmutableArray<string> FalseAlarms, ImmutableArray<string> Misses, ImmutableArray<string> Messages);

    private static async Task<SetResult> AnalyzeAsync(string name)
    {
        var folder = Path.Combine(SetDirectory, name);
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => ReliabilityCompilations.Parse(File.ReadAllText(path), Path.Combine("/samples", name, Path.GetFileName(path))))
            .ToImmutableArray();
        // Projects made with `dotnet new console` have ImplicitUsings on: the samples are written for it.
        var compilation = (await ReliabilityCompilations.CreateAsync(sources.Add(ReliabilityCompilations.ImplicitUsingsTree())))
            .WithOptions(ReliabilityCompilations.LibraryOptions.WithOutputKind(OutputKind.ConsoleApplication));
        if (UsesDataFrame(sources.Select(tree => tree.ToString())))
            compilation = compilation.AddReferences(DataFrameReferences);
        Assert.Empty(ReliabilityCompilations.CompilerErrors(compilation));
        var options = OptionsOf(folder, name);
        var outcome = await AnalyzerRun.AnalyzeAsync(
            compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new UnscaledFeatureAnalyzer(), new UnreachableTargetAnalyzer()), name, options: options);
        Assert.Empty(outcome.Failures);

        var expected = new HashSet<string>();
        foreach (var tree in sources)
        {
            foreach (var line in tree.GetText().Lines)
            {
                var text = line.ToString().TrimEnd();
                foreach (var id in RuleIds)
                {
                    if (text.EndsWith("// " + id + " expected", StringComparison.Ordinal))
                        expected.Add($"{id} {Path.GetFileName(tree.FilePath)}:{line.LineNumber + 1}");
                }
            }
        }
        var ours = outcome.Diagnostics.Where(d => RuleIds.Contains(d.Id)).ToImmutableArray();
        var reported = ours.Select(Key).ToHashSet();
        return new SetResult(
            expected.Count,
            reported.Count(expected.Contains),
            reported.Where(key => !expected.Contains(key)).OrderBy(key => key, StringComparer.Ordinal).ToImmutableArray(),
            expected.Where(key => !reported.Contains(key)).OrderBy(key => key, StringComparer.Ordinal).ToImmutableArray(),
            ours.Select(d => $"{Key(d)}: {d.GetMessage()}").OrderBy(text => text, StringComparer.Ordinal).ToImmutableArray());
    }

    private static string Key(Diagnostic diagnostic)
        => $"{diagnostic.Id} {Path.GetFileName(diagnostic.Location.GetLineSpan().Path)}:{diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}";

    private static ImmutableDictionary<string, string> ReadConfig(IEnumerable<string> lines)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var line in lines)
        {
            var separator = line.IndexOf('=');
            if (separator > 0 && !line.TrimStart().StartsWith('#') && !line.TrimStart().StartsWith('['))
                values[line[..separator].Trim()] = line[(separator + 1)..].Trim();
        }
        return values.ToImmutable();
    }

    private sealed class DataFile : AdditionalText
    {
        private readonly SourceText text;

        public DataFile(string path, string content)
        {
            Path = path;
            text = SourceText.From(content, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>The project's global options, the same for every file.</summary>
    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public ProjectOptions(ImmutableDictionary<string, string> values) => options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(ImmutableDictionary<string, string> values) => this.values = values;

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
