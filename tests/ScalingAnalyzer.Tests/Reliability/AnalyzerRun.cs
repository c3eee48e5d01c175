using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>An exception an analyzer threw: what the compiler would report as AD0001 and what breaks a user's build.</summary>
public sealed record AnalyzerFailure(string Analyzer, Exception Exception, string Input)
{
    public override string ToString() => $"{Analyzer} threw {Exception.GetType().Name}: {Exception.Message} on input:\n{Input}\n{Exception}";
}

/// <summary>Diagnostics and analyzer failures of one run of every shipped analyzer over one compilation.</summary>
public sealed record AnalysisOutcome(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<AnalyzerFailure> Failures);

/// <summary>Runs the shipped analyzers the way the compiler does, catching every analyzer exception instead of a warning.</summary>
public static class AnalyzerRun
{
    /// <summary>The ids under which the compiler reports analyzer exceptions, in case one escapes the callback.</summary>
    private static readonly ImmutableHashSet<string> ExceptionDiagnosticIds = ImmutableHashSet.Create("AD0001", "AD0002");

    public static Task<AnalysisOutcome> AnalyzeAsync(Compilation compilation, string inputDescription, bool concurrent = true, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
        => AnalyzeAsync(compilation, ShippedAnalyzers.Analyzers, inputDescription, concurrent, options, cancellationToken);

    public static async Task<AnalysisOutcome> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        string inputDescription,
        bool concurrent = true,
        AnalyzerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var failures = new ConcurrentQueue<AnalyzerFailure>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(new AnalyzerFailure(analyzer.GetType().Name, exception, inputDescription)),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var escaped in diagnostics.Where(diagnostic => ExceptionDiagnosticIds.Contains(diagnostic.Id)))
            failures.Enqueue(new AnalyzerFailure(escaped.Id, new InvalidOperationException(escaped.GetMessage()), inputDescription));
        return new AnalysisOutcome(
            diagnostics.Where(diagnostic => !ExceptionDiagnosticIds.Contains(diagnostic.Id)).ToImmutableArray(),
            failures.ToImmutableArray());
    }

    /// <summary>Everything a user sees of a diagnostic, in a form that compares across runs.</summary>
    public static string Fingerprint(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var properties = string.Join(";", diagnostic.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        var additional = string.Join(";", diagnostic.AdditionalLocations.Select(location => location.SourceSpan.ToString()));
        return $"{diagnostic.Id} {span.Path}{diagnostic.Location.SourceSpan} {diagnostic.Severity} suppressed={diagnostic.IsSuppressed} '{diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}' [{properties}] [{additional}]";
    }

    public static ImmutableArray<string> Fingerprints(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(Fingerprint).OrderBy(text => text, StringComparer.Ordinal).ToImmutableArray();
}
