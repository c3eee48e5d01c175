using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// The counts a reliability test prints (programs, truncations, diagnostics by id, fixes applied), to the test
/// output and to <c>reliability/&lt;test&gt;.txt</c> beside the test assembly, which docs/reliability.md quotes.
/// </summary>
public sealed class ReliabilityReport
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly System.Diagnostics.Stopwatch _wallClock = System.Diagnostics.Stopwatch.StartNew();
    private readonly TimeSpan _processorTimeAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public void Count(string name, long amount = 1) => _counts.AddOrUpdate(name, amount, (_, current) => current + amount);

    public void Note(string line) => _notes.Enqueue(line);

    public long this[string name] => _counts.TryGetValue(name, out var value) ? value : 0;

    public string Write(ITestOutputHelper output, string testName)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# {testName}")
            .AppendLine(CultureInfo.InvariantCulture, $"run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, scale {ReliabilityScale.Factor.ToString(CultureInfo.InvariantCulture)}, seed {ReliabilityScale.Seed}");
        foreach (var (name, value) in _counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {value}");
        var processorTime = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _processorTimeAtStart;
        text.AppendLine(CultureInfo.InvariantCulture, $"wall time: {_wallClock.Elapsed.TotalSeconds:F1} s; process CPU time meanwhile: {processorTime.TotalSeconds:F1} s (includes tests running in parallel)");
        foreach (var note in _notes)
            text.AppendLine(note);
        var directory = Path.Combine(AppContext.BaseDirectory, "reliability");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, testName + ".txt");
        File.WriteAllText(path, text.ToString());
        output.WriteLine(text.ToString());
        output.WriteLine($"(written to {path})");
        return path;
    }
}

/// <summary>
/// How much work the crash hunt does: the default keeps the whole reliability suite to a few minutes on the 2-core
/// CI machine; <c>SCALING_RELIABILITY_SCALE=10</c> runs ten times as many inputs for a long local hunt, and
/// <c>SCALING_RELIABILITY_SEED</c> draws a different (still reproducible) set.
/// </summary>
public static class ReliabilityScale
{
    public static double Factor { get; } = ReadDouble("SCALING_RELIABILITY_SCALE", 1.0);

    public static int Seed { get; } = (int)ReadDouble("SCALING_RELIABILITY_SEED", 20261126);

    public static int Scaled(int baseline) => Math.Max(1, (int)Math.Round(baseline * Factor));

    private static double ReadDouble(string variable, double fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
            return value;
        throw new InvalidOperationException($"{variable}='{text}' is not a positive number.");
    }
}
