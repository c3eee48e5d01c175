using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// A code-fix test over TorchSharp and the runtime library (which the fixed code calls), with both TorchSharp
/// fixers and any analyzers, so one test can apply SCALE001 and SCALE003 fixes together.
/// </summary>
internal sealed class ScalingFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    private readonly DiagnosticAnalyzer[] analyzers;

    public ScalingFixTest(params DiagnosticAnalyzer[] analyzers)
    {
        this.analyzers = analyzers;
        ReferenceAssemblies = TestReferences.WithTorchSharp;
        TestState.AdditionalReferences.Add(TestReferences.Runtime);
        FixedState.AdditionalReferences.Add(TestReferences.Runtime);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => analyzers;

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new CodeFixProvider[] { new UnscaledFeatureFixer(), new UnreachableTargetFixer(), new TrainServeSkewFixer() };

    /// <summary>The real SCALE001/SCALE004 and SCALE003 analyzers.</summary>
    public static DiagnosticAnalyzer[] RealAnalyzers() => new DiagnosticAnalyzer[] { new UnscaledFeatureAnalyzer(), new UnreachableTargetAnalyzer() };

    /// <summary>
    /// One source, its expected fix (equivalence key null: the first fix offered), through the real analyzers (or
    /// <paramref name="analyzer"/>). <paramref name="fixAllIterations"/> 0 means no fix may be offered at all.
    /// </summary>
    public static Task RunAsync(string source, string fixedSource, string? equivalenceKey = null, string? batchFixedSource = null, bool topLevel = false, int fixAllIterations = 1, DiagnosticAnalyzer? analyzer = null)
    {
        var test = new ScalingFixTest(analyzer is null ? RealAnalyzers() : new[] { analyzer })
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfFixAllIterations = fixAllIterations,
            NumberOfFixAllInDocumentIterations = fixAllIterations,
        };
        if (fixAllIterations == 0)
            test.NumberOfIncrementalIterations = 0;
        if (topLevel)
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        if (batchFixedSource is not null)
        {
            test.BatchFixedCode = batchFixedSource;
            test.BatchFixedState.AdditionalReferences.Add(TestReferences.Runtime);
        }

        return test.RunAsync();
    }
}
