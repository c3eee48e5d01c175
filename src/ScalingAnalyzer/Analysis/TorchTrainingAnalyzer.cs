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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        var reported = SupportedDiagnostics;
        context.RegisterCompilationStartAction(start =>
        {
            var analysis = TorchCompilationAnalysis.For(start.Compilation, start.Options);
            if (analysis is null)
                return;
            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, analysis, reported));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, TorchCompilationAnalysis analysis, ImmutableArray<DiagnosticDescriptor> reported)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
            return;
        IOperation? body = null;
        foreach (var block in context.OperationBlocks)
        {
            if (block is IMethodBodyOperation or IBlockOperation or IConstructorBodyOperation)
            {
                body = block;
                break;
            }
        }
        if (body is null)
            return;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
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
                    context.ReportDiagnostic(diagnostic);
                    break;
                }
            }
        }
    }
}
