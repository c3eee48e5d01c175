using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.OverheadProbe;

/// <summary>
/// The key-value options of the .editorconfig and global config files, per syntax tree, as csc hands them to
/// analyzers and generators (build properties such as the target framework and our own thresholds among them).
/// Trees that are not on the command line (generated ones) see the global options.
/// </summary>
internal sealed class ConfigSetOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> _byTree = new();
    private readonly Dictionary<string, AnalyzerConfigOptions> _byAdditionalFile = new(StringComparer.Ordinal);

    public ConfigSetOptionsProvider(AnalyzerConfigSet configSet, IEnumerable<SyntaxTree> trees, IEnumerable<AdditionalText> additionalFiles)
    {
        GlobalOptions = new DictionaryOptions(configSet.GlobalConfigOptions.AnalyzerOptions);
        foreach (var tree in trees)
            _byTree[tree] = new DictionaryOptions(configSet.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);
        foreach (var file in additionalFiles)
            _byAdditionalFile[file.Path] = new DictionaryOptions(configSet.GetOptionsForSourcePath(file.Path).AnalyzerOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        _byTree.TryGetValue(tree, out var options) ? options : GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byAdditionalFile.TryGetValue(textFile.Path, out var options) ? options : GlobalOptions;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values = values.WithComparers(KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}

/// <summary>
/// Diagnostic severities from the same files (<c>dotnet_diagnostic.ID.severity</c>): per tree from .editorconfig
/// sections, and globally from global configs such as the SDK's analysis-level file, which decides which
/// NetAnalyzers rules run in a default build.
/// </summary>
internal sealed class ConfigSetSeverityProvider : SyntaxTreeOptionsProvider
{
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _byTree = new();
    private readonly AnalyzerConfigOptionsResult _global;

    public ConfigSetSeverityProvider(AnalyzerConfigSet configSet, IEnumerable<SyntaxTree> trees)
    {
        _global = configSet.GlobalConfigOptions;
        foreach (var tree in trees)
            _byTree[tree] = configSet.GetOptionsForSourcePath(tree.FilePath);
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_byTree.TryGetValue(tree, out var result) || !result.AnalyzerOptions.TryGetValue("generated_code", out var value))
            return GeneratedKind.Unknown;
        return bool.TryParse(value, out var generated) && generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated;
    }

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return _byTree.TryGetValue(tree, out var result) && result.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _global.TreeOptions.TryGetValue(diagnosticId, out severity);
}
