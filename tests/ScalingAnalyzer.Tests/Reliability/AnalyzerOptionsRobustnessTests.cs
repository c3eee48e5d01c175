using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Tests.Reliability.Generation;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Whatever a user writes in .editorconfig for the scaling_analyzer.* options, the analyzers never throw: a typo in
/// a threshold must not break a build with AD0001.
/// </summary>
public class AnalyzerOptionsRobustnessTests
{
    private static readonly string[] OptionKeys =
    {
        "scaling_analyzer.feature_magnitude_threshold",
        "scaling_analyzer.column_scale_ratio",
        "scaling_analyzer.scaling_methods",
    };

    private static readonly string[] HostileValues =
    {
        "", " ", "abc", "-1", "0", "-0", "NaN", "Infinity", "-Infinity", "1e400", "1e-400", "10,5", "  7  ", "0x10",
        "M:Foo.Bar(", "Not.A.Type.Method", "System.Math.Abs", ";;;,,,", "Generated.TorchProgram0.TrainingProgram.Train",
        new string('9', 400), string.Join(",", Enumerable.Repeat("A.B.C", 2000)),
    };

    private readonly ITestOutputHelper _output;

    public AnalyzerOptionsRobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task HostileOptionValuesNeverMakeAnAnalyzerThrow()
    {
        var programs = GeneratedCorpus.Programs(ReliabilityScale.Scaled(10), ReliabilityScale.Seed + 404);
        var compilation = await ReliabilityCompilations.CreateAsync(programs.Select(p => ReliabilityCompilations.Parse(p.Source, p.Path)));
        var failures = new List<AnalyzerFailure>();
        var runs = 0;
        foreach (var value in HostileValues)
        {
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new UniformOptionsProvider(OptionKeys.ToImmutableDictionary(key => key, _ => value)));
            var outcome = await AnalyzerRun.AnalyzeAsync(compilation, $"all scaling_analyzer.* options = '{(value.Length > 40 ? value[..40] + "..." : value)}'", options: options);
            failures.AddRange(outcome.Failures);
            runs++;
        }
        _output.WriteLine($"{runs} option sets x {programs.Count} programs analysed; {failures.Count} analyzer exceptions");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(3)));
    }

    /// <summary>The same options for every file, as a global .editorconfig section gives.</summary>
    private sealed class UniformOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly UniformOptions _options;

        public UniformOptionsProvider(ImmutableDictionary<string, string> values) => _options = new UniformOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class UniformOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public UniformOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => _values.TryGetValue(key, out value);
    }
}
