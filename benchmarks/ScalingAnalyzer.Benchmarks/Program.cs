using BenchmarkDotNet.Running;
using ScalingAnalyzer.Benchmarks.Accuracy;
using ScalingAnalyzer.Benchmarks.AnalyzerOverhead;
using ScalingAnalyzer.Benchmarks.Support;

// `nist` prints the accuracy table (a computation, not a timing); `generate-overhead-projects <dir>` writes the
// projects scripts/bench-analyzer-overhead.sh compiles; anything else goes to BenchmarkDotNet,
// e.g. `--filter *TensorScaler*` or `--filter * --job dry --inProcess` for a smoke run.
if (args.Length > 0 && args[0] == "nist")
    return NistAccuracyTable.Print(Console.Out);
if (args.Length > 0 && args[0] == "generate-overhead-projects")
    return OverheadProjectGenerator.Run(args[1..]);

var jobGivenOnCommandLine = args.Any(a => a is "--job" or "-j");
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly)
    .Run(args, BenchmarkConfig.Create(addDefaultJob: !jobGivenOnCommandLine));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
