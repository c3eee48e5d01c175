using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The registration shared by the TorchSharp rule analyzers: per method body, the shared analysis computes every
/// TorchSharp scaling diagnostic once; each analyzer reports the ids it owns.
/// </summary>
public abstract class TorchTrainingAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Not run on generated code; what it reports is checked by GeneratedCode.MayReportAt, not by the driver.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        var reported = SupportedDiagnostics;
        context.RegisterCompilationStartAction(start =>
        {
            // Only the references' names are read here: binding them (TorchSymbols) waits for a code block that passes
            // the text filter, by when the compiler has bound them for itself.
            if (!TorchSymbols.IsReferenced(start.Compilation))
                return;
            var compilation = start.Compilation;
            var options = start.Options;
            // Syntax first: an operation block action would make the analyzer driver build the operation tree of every
            // method body in the project (binding each one again for analyzers), most of the build time these rules
            // added. A code block whose tokens cannot train is never bound for them.
            start.RegisterCodeBlockAction(block => AnalyzeBlock(block, compilation, options, reported));
        });
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticDescriptor> reported)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
            return;
        context.CancellationToken.ThrowIfCancellationRequested();
        var filter = TrainingTextFilter.For(compilation);
        var mayTrain = filter.MayTrain(context.CodeBlock);
        if (!mayTrain && !filter.MayServe(context.CodeBlock).Calls)
            return;
        if (TorchCompilationAnalysis.For(compilation, options) is not { } analysis
            || !(mayTrain || analysis.MayServe(method, context.CodeBlock, context.CancellationToken)))
            return;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            IOperation? body;
            try
            {
                body = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken);
            }
            catch (InvalidOperationException) when (context.CodeBlock.ContainsDiagnostics)
            {
                // Roslyn's own operation factory can fail on code with syntax errors (a lambda in an array initializer
                // with tokens missing: "This program location is thought to be unreachable"): not analysable, not ours.
                return;
            }
            if (body is not (IMethodBodyOperation or IBlockOperation or IConstructorBodyOperation))
                return;
            diagnostics = analysis.DiagnosticsFor(method, body, context.CancellationToken);
        }
        catch (Exception exception) when (AnalysisDefects.ShouldSwallow(exception))
        {
            // A defect in the analysis must never surface as a compiler error in users' builds (AD0001).
            return;
        }
        foreach (var diagnostic in diagnostics)
        {
            foreach (var descriptor in reported)
            {
                if (ReferenceEquals(descriptor, diagnostic.Descriptor))
                {
                    if (GeneratedCode.MayReportAt(diagnostic.Location, context.CodeBlock.SyntaxTree, compilation, context.CancellationToken))
                        context.ReportDiagnostic(diagnostic);
                    break;
                }
            }
        }
    }
}
