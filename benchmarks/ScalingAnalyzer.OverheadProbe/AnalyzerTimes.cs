using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace ScalingAnalyzer.OverheadProbe;

/// <summary>
/// The analyzer driver's own account of each analyzer, from single-threaded runs of every analyzer of the command
/// line together: the time spent in its callbacks (binding the method bodies it is the first to ask for included;
/// bodies another analyzer had bound are shared and cost it nothing) and how many actions of each kind it registered.
/// The driver times callbacks with a stopwatch: on one thread, with a core free, that is the thread's CPU time (other
/// processes taking the core add to it: measure on a quiet machine). It measures a small quantity directly instead of as the difference of two large ones, so machine noise scales with our share,
/// not with the build (the difference of builds with and without ours, paired in this process, varied by ±1.7 s
/// against our 0.2 s on this machine). Its share is given against two denominators. Upper bound: the compile and
/// emit plus the other analyzers' callbacks, which a build does at the least (it also builds the operation trees
/// they read, outside their callbacks). Lower bound: the compile and emit plus the whole analyzer pass, which here
/// binds a copy of the compilation again (CompilationWithAnalyzers generates its own compilation events), which a
/// build does not. What it does not see: the driver's dispatch of our actions and its handling of our
/// diagnostics outside our callbacks (scripts/bench-analyzer-cpu.sh counts those in a real csc process).
/// </summary>
internal sealed class AnalyzerTimes(CompilerInvocation invocation, bool firstUse)
{
    public async Task<int> RunAsync(int warmupRuns, int runs, TextWriter output)
    {
        var analyzers = invocation.Analyzers.Select(a => a.Analyzer).ToImmutableArray();
        // First use: the warm-up runs leave ours out, so the measured runs' callbacks include loading our types and
        // JIT-compiling our methods, as in a fresh csc process (run one measured run per process for that figure).
        var warmupAnalyzers = firstUse
            ? invocation.Analyzers.Where(a => !IsOurs(a.Path)).Select(a => a.Analyzer).ToImmutableArray()
            : analyzers;
        var ours = invocation.Analyzers.Where(a => IsOurs(a.Path)).Select(a => a.Analyzer).ToHashSet();
        output.WriteLine("| run | compile and emit, CPU (s) | analyzer pass, CPU (s) | all analyzers' callbacks (s) | ours (s) | ours / (compile and emit + other analyzers' callbacks) | ours / (compile and emit + analyzer pass) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        List<double> upperShares = [], lowerShares = [];
        Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> last = new();
        for (var run = -warmupRuns; run < runs; run++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            // Compiled first, as in a build: what the compiler binds anyway (the references' assembly symbols, the type
            // tables of the libraries the code uses) is then not charged to whichever analyzer touches it first.
            var compilation = invocation.CompileAndEmit(concurrent: false);
            process.Refresh();
            var compileCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var runAnalyzers = run < 0 ? warmupAnalyzers : analyzers;
            var withAnalyzers = compilation.WithAnalyzers(runAnalyzers, new CompilationWithAnalyzersOptions(
                invocation.CreateAnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false,
                logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds - compileCpu;
            last = new Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
            foreach (var analyzer in runAnalyzers)
                last[analyzer] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            var all = last.Values.Sum(t => t.ExecutionTime.TotalSeconds);
            var ourTime = last.Where(p => ours.Contains(p.Key)).Sum(p => p.Value.ExecutionTime.TotalSeconds);
            if (run < 0)
                continue;
            var build = compileCpu + all - ourTime;
            upperShares.Add(ourTime / build);
            lowerShares.Add(ourTime / (compileCpu + cpu));
            output.WriteLine($"| {run + 1} | {compileCpu:F2} | {cpu:F2} | {all:F2} | {ourTime:F3} | {ourTime / build:P2} | {ourTime / (compileCpu + cpu):P2} |");
        }

        output.WriteLine();
        output.WriteLine($"ours / (compile and emit + the other analyzers' callbacks) (upper bound) over {runs} runs: median {Median(upperShares):P2}, range {upperShares.Min():P2} to {upperShares.Max():P2}");
        output.WriteLine($"ours / (compile and emit + analyzer pass) (lower bound): median {Median(lowerShares):P2}, range {lowerShares.Min():P2} to {lowerShares.Max():P2}");
        output.WriteLine();
        output.WriteLine("Last run, the 15 analyzers with the most callback time, and ours:");
        output.WriteLine("| analyzer | callbacks (s) | operation | operation block | code block | syntax node | symbol |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (analyzer, info) in last.OrderByDescending(p => p.Value.ExecutionTime)
                     .Where((p, i) => i < 15 || ours.Contains(p.Key)))
        {
            output.WriteLine($"| {analyzer.GetType().Name}{(ours.Contains(analyzer) ? " (ours)" : "")} | {info.ExecutionTime.TotalSeconds:F3} | " +
                $"{info.OperationActionsCount} | {info.OperationBlockActionsCount + info.OperationBlockStartActionsCount} | " +
                $"{info.CodeBlockActionsCount + info.CodeBlockStartActionsCount} | {info.SyntaxNodeActionsCount} | {info.SymbolActionsCount} |");
        }
        var bindingForAll = last.Where(p => p.Value.OperationActionsCount + p.Value.OperationBlockActionsCount + p.Value.OperationBlockStartActionsCount > 0).ToList();
        output.WriteLine();
        output.WriteLine($"{bindingForAll.Count} of {analyzers.Length} analyzers register operation or operation-block actions " +
            $"({string.Join(", ", bindingForAll.Take(8).Select(p => p.Key.GetType().Name))}{(bindingForAll.Count > 8 ? ", ..." : "")}): " +
            "the driver builds the operation tree of every method body for them.");
        return 0;
    }

    private static bool IsOurs(string analyzerPath) =>
        Path.GetFileName(analyzerPath).StartsWith("ScalingAnalyzer", StringComparison.Ordinal);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
