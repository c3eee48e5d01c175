using ScalingAnalyzer.Tests.Reliability.Generation;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Methods far larger and deeper than people write are analysed without an exception (and without the stack
/// overflow that would take the compiler down with it). How long and how much memory they take is measured in
/// benchmarks/ScalingAnalyzer.Benchmarks/PathologicalInputBenchmarks.cs, not here.
/// </summary>
public class PathologicalInputTests
{
    /// <summary>Generous: the compiler alone binds the largest shape in a few seconds on the 2-core CI machine.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public PathologicalInputTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Shapes()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in PathologicalPrograms.All())
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task PathologicalMethodIsAnalysedWithoutException(string shape)
    {
        var source = PathologicalPrograms.All().Single(p => p.Name == shape).Source;
        var compilation = await ReliabilityCompilations.CreateAsync(source);
        Assert.Empty(ReliabilityCompilations.CompilerErrors(compilation));

        using var watchdog = new CancellationTokenSource(HangBound);
        var analysis = AnalyzerRun.AnalyzeAsync(compilation, shape, cancellationToken: watchdog.Token);
        var first = await Task.WhenAny(analysis, Task.Delay(HangBound + TimeSpan.FromSeconds(30)));
        Assert.True(
            first == analysis && analysis.IsCompletedSuccessfully,
            $"{shape} was not analysed within {HangBound.TotalSeconds} s, where the compiler alone binds it in seconds: the analysis hangs " +
            $"(this is a hang detector, not a timing; figures in docs/reliability.md). {(analysis.IsCanceled ? "It stopped when the watchdog cancelled it." : analysis.IsFaulted ? "It failed: " + analysis.Exception!.GetBaseException() : "It did not even stop when cancelled.")}");
        var outcome = await analysis;

        _output.WriteLine($"{shape}: {outcome.Diagnostics.Length} diagnostics: {string.Join("; ", outcome.Diagnostics.Select(d => $"{d.Id} {d.GetMessage()}"))}");
        Assert.True(outcome.Failures.IsEmpty, string.Join("\n", outcome.Failures.Select(f => $"{f.Analyzer}: {f.Exception}")));
    }
}
