using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ScalingAnalyzer.Tests.Reliability.Generation;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// The same code gives the same diagnostics (id, location, message, properties) however often and however
/// concurrently it is analysed, and whatever else is in the compilation: no state leaks between runs, trees or
/// compilations.
/// </summary>
public class DeterminismTests
{
    private static readonly int ProgramCount = ReliabilityScale.Scaled(40);

    private readonly ITestOutputHelper _output;

    public DeterminismTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task RepeatedSequentialAndConcurrentRunsReportTheSameDiagnostics()
    {
        var report = new ReliabilityReport();
        var programs = GeneratedCorpus.Programs(ProgramCount, ReliabilityScale.Seed + 101);
        var compilation = await ReliabilityCompilations.CreateAsync(programs.Select(p => ReliabilityCompilations.Parse(p.Source, p.Path)));
        Assert.Empty(ReliabilityCompilations.CompilerErrors(compilation));

        var sequential = await FingerprintsAsync(compilation, concurrent: false);
        var runs = new List<(string Name, ImmutableArray<string> Fingerprints)>
        {
            ("sequential again", await FingerprintsAsync(compilation, concurrent: false)),
            ("concurrent", await FingerprintsAsync(compilation, concurrent: true)),
            ("concurrent again", await FingerprintsAsync(compilation, concurrent: true)),
        };
        // Two analyses of fresh copies of the compilation at once, on the same analyzer instances.
        var simultaneous = await Task.WhenAll(
            Task.Run(() => FingerprintsAsync(compilation.Clone(), concurrent: true)),
            Task.Run(() => FingerprintsAsync(compilation.Clone(), concurrent: true)));
        runs.Add(("simultaneous A", simultaneous[0]));
        runs.Add(("simultaneous B", simultaneous[1]));

        report.Count("programs", programs.Count);
        report.Count("diagnostics per run", sequential.Length);
        report.Count("runs compared", runs.Count + 1);
        report.Write(_output, nameof(RepeatedSequentialAndConcurrentRunsReportTheSameDiagnostics));
        foreach (var (name, fingerprints) in runs)
            AssertSame(sequential, fingerprints, name);
    }

    [Fact]
    public async Task EachProgramAloneReportsWhatItReportsAmongAllOthers()
    {
        var programs = GeneratedCorpus.Programs(ProgramCount, ReliabilityScale.Seed + 202);
        var together = await ReliabilityCompilations.CreateAsync(programs.Select(p => ReliabilityCompilations.Parse(p.Source, p.Path)));
        var all = await FingerprintsAsync(together, concurrent: true);

        var alone = new List<string>();
        foreach (var program in programs)
        {
            var compilation = await ReliabilityCompilations.CreateAsync(new[] { ReliabilityCompilations.Parse(program.Source, program.Path) });
            alone.AddRange(await FingerprintsAsync(compilation, concurrent: true));
        }
        AssertSame(all, alone.OrderBy(text => text, StringComparer.Ordinal).ToImmutableArray(), "each program in its own compilation");
    }

    private static async Task<ImmutableArray<string>> FingerprintsAsync(Compilation compilation, bool concurrent)
    {
        var outcome = await AnalyzerRun.AnalyzeAsync(compilation, "determinism corpus", concurrent);
        Assert.Empty(outcome.Failures);
        return AnalyzerRun.Fingerprints(outcome.Diagnostics);
    }

    private static void AssertSame(ImmutableArray<string> expected, ImmutableArray<string> actual, string run)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && expected.Length == actual.Length,
            $"{run} differs from the first sequential run ({expected.Length} vs {actual.Length} diagnostics).\nmissing:\n  {string.Join("\n  ", missing)}\nextra:\n  {string.Join("\n  ", extra)}");
    }
}
