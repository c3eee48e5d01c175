using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ScalingAnalyzer.Tests.Verifiers;

/// <summary>
/// Analyzer and code-fix tests over real TorchSharp / ML.NET reference assemblies.
/// Markup: <c>[|...|]</c> or <c>{|SCALE001:...|}</c>.
/// </summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

    public static Task AnalyzerAsync(string source, ReferenceAssemblies? references = null, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = references ?? TestReferences.WithBoth,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="AnalyzerAsync"/>, with data files of the project as AdditionalFiles (path, content).</summary>
    public static Task AnalyzerWithFilesAsync(string source, IEnumerable<(string Path, string Content)> additionalFiles, ReferenceAssemblies? references = null, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = references ?? TestReferences.WithBoth,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        foreach (var (path, content) in additionalFiles)
            test.TestState.AdditionalFiles.Add((path, content));
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="AnalyzerAsync"/>, for half-typed code: compiler errors are expected and not compared.</summary>
    public static Task AnalyzerIgnoringCompilerErrorsAsync(string source, ReferenceAssemblies? references = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = references ?? TestReferences.WithBoth,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, string? equivalenceKey = null, ReferenceAssemblies? references = null, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = references ?? TestReferences.WithBoth,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime);
        test.FixedState.AdditionalReferences.Add(TestReferences.Runtime);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
