using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis.CodeFixes;
using ScalingAnalyzer.Tests.Reliability.Generation;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// The analyzers never throw, on finished programs or on half-typed ones, and their code fixes never leave code
/// that does not compile. Seeded and bounded (<see cref="ReliabilityScale"/>): a failure names its input, shrunk.
/// </summary>
public class CrashHuntTests
{
    /// <summary>Generated programs per run: 90 TorchSharp and 60 ML.NET at scale 1.</summary>
    private static readonly int ProgramCount = ReliabilityScale.Scaled(150);

    /// <summary>Generated programs that join samples/ and the test snippets as material for the mutations.</summary>
    private static readonly int GeneratedMutationSources = ReliabilityScale.Scaled(15);

    private static readonly int TruncationsPerSource = ReliabilityScale.Scaled(40);
    private static readonly int DeletionVariantsPerSource = ReliabilityScale.Scaled(20);

    // The sample sets' programs are long (a whole program each, about a hundred of them): fewer variants each.
    private static readonly int TruncationsPerSampleSetProgram = ReliabilityScale.Scaled(6);
    private static readonly int DeletionVariantsPerSampleSetProgram = ReliabilityScale.Scaled(4);

    private readonly ITestOutputHelper _output;

    public CrashHuntTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TruncatedAndTokenDeletedSourcesNeverMakeAnAnalyzerThrow()
    {
        Assert.NotEmpty(ShippedAnalyzers.Analyzers);
        var report = new ReliabilityReport();
        report.Note(ShippedAnalyzers.Describe());

        var sources = new List<CorpusSource>();
        sources.AddRange(SourceCorpus.Samples());
        sources.AddRange(SourceCorpus.TestSnippets());
        sources.AddRange(GeneratedCorpus.Programs(GeneratedMutationSources, ReliabilityScale.Seed + 7).Select(p => new CorpusSource(p.Name, p.Source)));
        report.Count("sources", sources.Count);
        report.Count("sources.samples", SourceCorpus.Samples().Count);
        report.Count("sources.test-snippets", SourceCorpus.TestSnippets().Count);
        var sampleSetPrograms = SourceCorpus.SampleSetPrograms();
        report.Count("sources.sample-set-programs", sampleSetPrograms.Count);

        var random = new Random(ReliabilityScale.Seed);
        var inputs = new List<(string Name, string Text)>();
        foreach (var source in sources)
        {
            var truncations = SourceMutations.Truncations(source.Text, TruncationsPerSource, random);
            var deletions = SourceMutations.Deletions(source.Text, DeletionVariantsPerSource, random);
            report.Count("truncations", truncations.Count);
            report.Count("deletions", deletions.Count);
            inputs.AddRange(truncations.Select((text, i) => ($"{source.Name} truncated #{i}", text)));
            inputs.AddRange(deletions.Select((text, i) => ($"{source.Name} tokens deleted #{i}", text)));
            inputs.Add((source.Name, source.Text));
        }
        foreach (var source in sampleSetPrograms)
        {
            var truncations = SourceMutations.Truncations(source.Text, TruncationsPerSampleSetProgram, random);
            var deletions = SourceMutations.Deletions(source.Text, DeletionVariantsPerSampleSetProgram, random);
            report.Count("truncations", truncations.Count);
            report.Count("deletions", deletions.Count);
            inputs.AddRange(truncations.Select((text, i) => ($"{source.Name} truncated #{i}", text)));
            inputs.AddRange(deletions.Select((text, i) => ($"{source.Name} tokens deleted #{i}", text)));
            inputs.Add((source.Name, source.Text));
        }

        var failures = new ConcurrentQueue<(AnalyzerFailure Failure, string Input)>();
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, cancellationToken) =>
        {
            var compilation = await ReliabilityCompilations.CreateAsync(new[] { ReliabilityCompilations.ImplicitUsingsTree(), ReliabilityCompilations.Parse(input.Text, "Input.cs") });
            var outcome = await AnalyzerRun.AnalyzeAsync(compilation, input.Name, cancellationToken: cancellationToken);
            report.Count("analyzer runs");
            foreach (var diagnostic in outcome.Diagnostics)
                report.Count($"diagnostics.{diagnostic.Id}");
            foreach (var failure in outcome.Failures)
                failures.Enqueue((failure, input.Text));
        });

        report.Count("analyzer exceptions", failures.Count);
        report.Write(_output, nameof(TruncatedAndTokenDeletedSourcesNeverMakeAnAnalyzerThrow));
        Assert.True(failures.IsEmpty, await DescribeAnalyzerFailuresAsync(failures));
    }

    [Fact]
    public async Task GeneratedProgramsCompileNeverMakeAnAnalyzerThrowAndTheirFixesKeepThemCompiling()
    {
        Assert.NotEmpty(ShippedAnalyzers.Analyzers);
        var report = new ReliabilityReport();
        report.Note(ShippedAnalyzers.Describe());
        var programs = GeneratedCorpus.Programs(ProgramCount, ReliabilityScale.Seed);
        report.Count("programs", programs.Count);
        report.Count("programs.torchsharp", programs.Count(p => p.Name.StartsWith("Torch", StringComparison.Ordinal)));
        report.Count("programs.mlnet", programs.Count(p => p.Name.StartsWith("MLNet", StringComparison.Ordinal)));

        var notCompiling = new ConcurrentQueue<string>();
        var analyzerFailures = new ConcurrentQueue<(AnalyzerFailure Failure, string Input)>();
        var brokenFixes = new ConcurrentQueue<FixApplication>();
        await Parallel.ForEachAsync(programs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (program, cancellationToken) =>
        {
            var runner = await CodeFixRunner.OpenAsync(program.Name, program.Source, cancellationToken);
            if (!runner.OriginalErrors.IsEmpty)
            {
                notCompiling.Enqueue($"{program.Name}: {string.Join("; ", runner.OriginalErrors)}\n{program.Source}");
                return;
            }
            foreach (var failure in runner.Outcome.Failures)
                analyzerFailures.Enqueue((failure, program.Source));
            foreach (var diagnostic in runner.Outcome.Diagnostics)
                report.Count($"diagnostics.{diagnostic.Id}");
            if (runner.Outcome.Diagnostics.Length > 0)
                report.Count("programs with diagnostics");

            report.Count("diagnostics with no fix offered", await runner.CountDiagnosticsWithoutFixAsync(cancellationToken));
            var single = await runner.ApplyEachAsync(cancellationToken);
            var fixAll = await runner.ApplyFixAllAsync(new[] { FixAllScope.Document }, cancellationToken);
            foreach (var application in single.Concat(fixAll).Concat(runner.RegistrationFailures))
            {
                report.Count(application.Scope == "single" ? "fixes applied one by one" : "fixes applied by Fix All");
                report.Count($"fixes.{application.Fixer}.{application.EquivalenceKey}.{(application.Scope == "single" ? "single" : "fix-all")}");
                if (application.BrokeCode)
                    brokenFixes.Enqueue(application);
                else if (application.Scope == "single" && application.FixableAfter >= application.FixableBefore)
                    report.Count("single fixes after which as many diagnostics of the fixer's ids remain (not asserted)");
                else if (application.Scope != "single" && application.FixableAfter > 0)
                    report.Count("Fix All applications after which diagnostics of the fixer's ids remain (not asserted)");
                foreach (var failure in application.AnalyzerFailuresAfterFix)
                    analyzerFailures.Enqueue((failure, application.FixedSource));
            }
        });

        report.Count("programs not compiling (generator bug)", notCompiling.Count);
        report.Count("analyzer exceptions", analyzerFailures.Count);
        report.Count("fixes that broke code or threw", brokenFixes.Count);
        report.Write(_output, nameof(GeneratedProgramsCompileNeverMakeAnAnalyzerThrowAndTheirFixesKeepThemCompiling));

        Assert.True(notCompiling.IsEmpty, $"{notCompiling.Count} generated programs do not compile (a generator bug), first:\n{notCompiling.FirstOrDefault()}");
        Assert.True(analyzerFailures.IsEmpty, await DescribeAnalyzerFailuresAsync(analyzerFailures));
        Assert.True(brokenFixes.IsEmpty, DescribeBrokenFixes(brokenFixes));
    }

    private static async Task<string> DescribeAnalyzerFailuresAsync(IReadOnlyCollection<(AnalyzerFailure Failure, string Input)> failures)
    {
        if (failures.Count == 0)
            return string.Empty;
        var text = new StringBuilder($"{failures.Count} analyzer exceptions. Distinct by analyzer and exception site, each with its input shrunk:\n");
        foreach (var group in failures.GroupBy(f => $"{f.Failure.Analyzer} {f.Failure.Exception.GetType().Name} {FirstFrame(f.Failure.Exception)}").Take(5))
        {
            var (failure, input) = group.First();
            var minimal = await FailureMinimizer.MinimizeAsync(input, async candidate =>
            {
                var compilation = await ReliabilityCompilations.CreateAsync(new[] { ReliabilityCompilations.ImplicitUsingsTree(), ReliabilityCompilations.Parse(candidate, "Input.cs") });
                var outcome = await AnalyzerRun.AnalyzeAsync(compilation, "minimizing");
                return outcome.Failures.Any(f => f.Analyzer == failure.Analyzer && f.Exception.GetType() == failure.Exception.GetType());
            });
            text.AppendLine($"--- {group.Count()}x {group.Key} (first input: {failure.Input.Split('\n')[0]})")
                .AppendLine("minimal input:")
                .AppendLine(minimal)
                .AppendLine(failure.Exception.ToString());
        }
        return text.ToString();
    }

    private static string DescribeBrokenFixes(IReadOnlyCollection<FixApplication> broken)
    {
        if (broken.Count == 0)
            return string.Empty;
        var text = new StringBuilder($"{broken.Count} code-fix applications broke the program or threw. First of each kind:\n");
        foreach (var group in broken.GroupBy(b => $"{b.Fixer} {b.EquivalenceKey} {b.Scope} {b.FixerException?.GetType().Name} {string.Join("|", b.NewErrors.Select(e => e.Split(':')[0]))}").Take(5))
            text.AppendLine($"--- {group.Count()}x {group.Key}").AppendLine(group.First().ToString());
        return text.ToString();
    }

    private static string FirstFrame(Exception exception)
        => exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "(no stack)";
}
