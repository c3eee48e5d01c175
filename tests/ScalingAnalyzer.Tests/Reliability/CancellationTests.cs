using System.Diagnostics;
using Microsoft.CodeAnalysis;
using ScalingAnalyzer.Tests.Reliability.Generation;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// A cancelled analysis stops: the IDE cancels analysis at every keystroke, and an analyzer that keeps running
/// after it is cancelled makes typing lag. The bound is generous (not a timing assertion): ten seconds, against
/// an input whose full analysis takes longer than the moment it is cancelled at.
/// </summary>
public class CancellationTests
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(10);

    private readonly ITestOutputHelper _output;

    public CancellationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task CancelledAnalysisOfALargeInputStopsPromptly()
    {
        // Start large; if a fast machine finishes before the token fires, the run proves nothing: grow and retry.
        for (var size = 1; size <= 8; size *= 2)
        {
            var compilation = await LargeInputAsync(size);
            using var cancellation = new CancellationTokenSource();
            var sinceCancel = new Stopwatch();
            cancellation.Token.Register(sinceCancel.Start);
            cancellation.CancelAfter(CancelAfter);
            var total = Stopwatch.StartNew();
            try
            {
                await AnalyzerRun.AnalyzeAsync(compilation, "cancellation input", concurrent: true, cancellationToken: cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                _output.WriteLine($"input size {size}: cancelled after {CancelAfter.TotalMilliseconds} ms, stopped {sinceCancel.Elapsed.TotalMilliseconds:F0} ms later (total {total.Elapsed.TotalMilliseconds:F0} ms)");
                Assert.True(sinceCancel.Elapsed < StopWithin, $"analysis ran on for {sinceCancel.Elapsed} after cancellation");
                return;
            }
            _output.WriteLine($"input size {size}: the whole analysis finished in {total.Elapsed.TotalMilliseconds:F0} ms, before cancellation; growing the input");
        }
        Assert.Fail("even the largest input was analysed before the token was cancelled; the test input is too small to test cancellation");
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenIsHonoured()
    {
        var compilation = await LargeInputAsync(1);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerRun.AnalyzeAsync(compilation, "cancelled before start", cancellationToken: cancellation.Token));
    }

    /// <summary>Generated programs and the pathological methods in one compilation, <paramref name="size"/> times over.</summary>
    private static async Task<Compilation> LargeInputAsync(int size)
    {
        var trees = new List<SyntaxTree>();
        for (var copy = 0; copy < size; copy++)
        {
            trees.AddRange(GeneratedCorpus.Programs(60, ReliabilityScale.Seed + 303).Select(p => ReliabilityCompilations.Parse(
                p.Source.Replace("namespace Generated.", $"namespace Generated.Copy{copy}.", StringComparison.Ordinal), $"copy{copy}/{p.Path}")));
            trees.AddRange(PathologicalPrograms.All().Select(p => ReliabilityCompilations.Parse(
                p.Source.Replace("namespace Pathological.", $"namespace Pathological.Copy{copy}.", StringComparison.Ordinal), $"copy{copy}/{p.Name}.cs")));
        }
        return await ReliabilityCompilations.CreateAsync(trees);
    }
}
