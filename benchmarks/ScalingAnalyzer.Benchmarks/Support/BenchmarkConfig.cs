using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace ScalingAnalyzer.Benchmarks.Support;

/// <summary>
/// One operation here takes 10 ms to seconds and allocates hundreds of MB, so each iteration is one call
/// (no unrolling) and a modest fixed iteration count keeps a full run within minutes on two cores.
/// In-process: TorchSharp's native library is loaded once, and no per-benchmark project is generated and
/// built on a machine whose two cores are the scarce resource. The in-process run of one benchmark case may
/// take up to 30 minutes (BenchmarkDotNet's default of 5 is too short for the pathological-input analyses).
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create(bool addDefaultJob)
    {
        var config = DefaultConfig.Instance
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond).WithRatioStyle(RatioStyle.Value))
            .AddColumn(StatisticColumn.Median)
            .WithOptions(ConfigOptions.DisableLogFile);
        if (addDefaultJob)
        {
            config = config.AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                .WithWarmupCount(2)
                .WithIterationCount(12)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .AsDefault());
        }
        return config;
    }
}
