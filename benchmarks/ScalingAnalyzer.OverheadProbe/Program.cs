using ScalingAnalyzer.OverheadProbe;

// Usage: ScalingAnalyzer.OverheadProbe <csc.rsp> <project directory> [runs] [warm-up runs] [--first-use | --allocations]
// Reads the csc command line of a real build and measures, in this one process, the time our analyzers take in it
// beside the compile and the other analyzers (AnalyzerTimes), or with --allocations the memory they allocate in it
// (AnalyzerAllocations). scripts/bench-analyzer-probe.sh makes the response file and runs this.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ScalingAnalyzer.OverheadProbe <csc.rsp> <project directory> [runs] [warm-up runs] [--first-use | --allocations]");
    return 2;
}
var runs = args.Length > 2 && int.TryParse(args[2], out var givenRuns) ? givenRuns : 7;
var warmupRuns = args.Length > 3 && int.TryParse(args[3], out var givenWarmup) ? givenWarmup : 2;
if (runs < 1 || warmupRuns < 0)
{
    Console.Error.WriteLine($"runs must be at least 1 and warm-up runs at least 0, not {runs} and {warmupRuns}");
    return 2;
}
var invocation = CompilerInvocation.Load(args[0], Path.GetFullPath(args[1]));
if (args.Contains("--allocations"))
    return await new AnalyzerAllocations(invocation).RunAsync(warmupRuns, runs, Console.Out);
return await new AnalyzerTimes(invocation, firstUse: args.Contains("--first-use")).RunAsync(warmupRuns, runs, Console.Out);
