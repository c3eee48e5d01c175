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
            // added. A code block whose tokens cannot train is never bound for them. Once per file, when the driver has
            // bound the file's members (FileCodeBlocks): the module classes and helpers a training method calls in the
            // same file are not bound by these rules first.
            start.RegisterSemanticModelAction(file => AnalyzeFile(file, compilation, reported));
        });
    }

    private static void AnalyzeFile(SemanticModelAnalysisContext context, Compilation compilation, ImmutableArray<DiagnosticDescriptor> reported)
    {
        var model = context.SemanticModel;
        var filter = TrainingTextFilter.For(compilation);
        var methods = new FileCodeBlocks.Methods(model, context.CancellationToken);
        foreach (var block in FileCodeBlocks.Of(model.SyntaxTree.GetRoot(context.CancellationToken)))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var mayTrain = filter.MayTrain(block);
            if (!mayTrain && !filter.MayServe(block).Calls)
                continue;
            if (methods.Of(block) is not { } method)
                continue;
            AnalyzeBlock(context, block, method, mayTrain, compilation, reported);
        }
    }

    private static void AnalyzeBlock(SemanticModelAnalysisContext context, SyntaxNode codeBlock, IMethodSymbol method, bool mayTrain, Compilation compilation, ImmutableArray<DiagnosticDescriptor> reported)
    {
        if (TorchCompilationAnalysis.For(compilation, context.Options) is not { } analysis
            || !(mayTrain || analysis.MayServe(method, codeBlock, context.CancellationToken)))
            return;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            IOperation? body;
            try
            {
                body = context.SemanticModel.GetOperation(codeBlock, context.CancellationToken);
            }
            catch (InvalidOperationException) when (codeBlock.ContainsDiagnostics)
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
                    if (GeneratedCode.MayReportAt(diagnostic.Location, codeBlock.SyntaxTree, compilation, context.CancellationToken))
                        context.ReportDiagnostic(diagnostic);
                    break;
                }
            }
        }
    }
}
