using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.OverheadProbe;

/// <summary>
/// The memory our analyzers allocate in one compilation: the analyzer pass of every analyzer of the command line, run
/// with ours and without them on fresh compilations, alternating, and the bytes the process allocated during each
/// pass compared. Allocation is what the garbage collector's work follows, and unlike a time it does not change with
/// the machine's load, so a change in the analysis shows in it run to run. The SDK's own analyzers build the
/// operation tree of every body in both passes, so the difference is our own allocations and the compiler work only
/// ours ask for.
/// </summary>
internal sealed class AnalyzerAllocations(CompilerInvocation invocation)
{
    public async Task<int> RunAsync(int warmupRuns, int runs, TextWriter output)
    {
        var all = invocation.Analyzers.Select(a => a.Analyzer).ToImmutableArray();
        var others = invocation.Analyzers.Where(a => !Path.GetFileName(a.Path).StartsWith("ScalingAnalyzer", StringComparison.Ordinal))
            .Select(a => a.Analyzer).ToImmutableArray();
        output.WriteLine("| run | analyzer pass with ours (MB) | without ours (MB) | ours (MB) |");
        output.WriteLine("|---:|---:|---:|---:|");
        var differences = new List<double>();
        for (var run = -warmupRuns; run < runs; run++)
        {
            var with = await AllocatedDuringPass(all);
            var without = await AllocatedDuringPass(others);
            if (run < 0)
                continue;
            differences.Add(with - without);
            output.WriteLine($"| {run + 1} | {with:F1} | {without:F1} | {with - without:F1} |");
        }
        output.WriteLine();
        output.WriteLine($"ours allocate, over {runs} runs: median {differences.Order().ElementAt(differences.Count / 2):F1} MB per compilation, range {differences.Min():F1} to {differences.Max():F1}");
        return 0;
    }

    private async Task<double> AllocatedDuringPass(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = invocation.CompileAndEmit(concurrent: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            invocation.CreateAnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false,
            logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6;
    }
}
