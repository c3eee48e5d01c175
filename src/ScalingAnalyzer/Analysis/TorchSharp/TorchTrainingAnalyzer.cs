using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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
            // The blocks the text filter lets through are analysed when their type is complete: the analysis reads
            // other members (a module class's constructor and forward, a helper's body), and those of the same type,
            // and often those of the types declared before it, have been bound by then by the driver for its own code
            // block actions on them, where a block analysed at once often asked for them first and bound them on its
            // own account.
            start.RegisterSymbolStartAction(type =>
            {
                var blocks = new List<(SyntaxNode Code, IMethodSymbol Method, SemanticModel Model)>();
                type.RegisterCodeBlockAction(block =>
                {
                    if (block.OwningSymbol is not IMethodSymbol method)
                        return;
                    var filter = TrainingTextFilter.For(compilation);
                    if (!filter.MayTrain(block.CodeBlock) && !filter.MayServe(block.CodeBlock).Calls)
                        return;
                    lock (blocks)
                        blocks.Add((block.CodeBlock, method, block.SemanticModel));
                });
                type.RegisterSymbolEndAction(end =>
                {
                    (SyntaxNode Code, IMethodSymbol Method, SemanticModel Model)[] complete;
                    lock (blocks)
                        complete = blocks.ToArray();
                    foreach (var (code, method, model) in complete)
                        AnalyzeBlock(code, method, model, end.ReportDiagnostic, compilation, options, reported, end.CancellationToken);
                });
            }, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeBlock(SyntaxNode codeBlock, IMethodSymbol method, SemanticModel model, Action<Diagnostic> report, Compilation compilation,
        AnalyzerOptions options, ImmutableArray<DiagnosticDescriptor> reported, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var mayTrain = TrainingTextFilter.For(compilation).MayTrain(codeBlock);
        if (TorchCompilationAnalysis.For(compilation, options) is not { } analysis
            || !(mayTrain || analysis.MayServe(method, codeBlock, cancellationToken)))
            return;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            IOperation? body;
            try
            {
                body = model.GetOperation(codeBlock, cancellationToken);
            }
            catch (InvalidOperationException) when (codeBlock.ContainsDiagnostics)
            {
                // Roslyn's own operation factory can fail on code with syntax errors (a lambda in an array initializer
                // with tokens missing: "This program location is thought to be unreachable"): not analysable, not ours.
                return;
            }
            if (body is not (IMethodBodyOperation or IBlockOperation or IConstructorBodyOperation))
                return;
            diagnostics = analysis.DiagnosticsFor(method, body, cancellationToken);
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
                    if (GeneratedCode.MayReportAt(diagnostic.Location, codeBlock.SyntaxTree, compilation, cancellationToken))
                        report(diagnostic);
                    break;
                }
            }
        }
    }
}
