using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis;
using ScalingAnalyzer.Analysis.Leakage;
using ScalingAnalyzer.Analysis.MLNet;

namespace ScalingAnalyzer.Rules;

/// <summary>
/// SCALE006: scaling statistics computed over rows part of which is afterwards held out for evaluation. TorchSharp
/// (statistics of tensors and arrays, the runtime scalers) and ML.NET (a normalizer fitted before TrainTestSplit or
/// CrossValidate). Reported at the statistic's computation, or at the Fit of the ML.NET chain.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataLeakageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.StatisticsLeakage);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Not run on generated code; what it reports is checked by GeneratedCode.MayReportAt, not by the driver.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // Only the references' names are read here; the TorchSharp symbols are bound for the first code block that
            // passes the text filter (ML.NET's are resolved type by type as code meets them).
            var compilation = start.Compilation;
            var torchReferenced = TorchSymbols.IsReferenced(compilation);
            var mlnet = MLNetKnownSymbols.TryCreate(compilation);
            if (!torchReferenced && mlnet is null)
                return;
            // The project's methods as ML.NET data flows through them (a helper that normalizes and returns a view), bound
            // only when a block that passed the text filter calls one.
            var program = mlnet is null ? null : new MLNetProgram(compilation);
            // Once per file, when the driver has bound the file's members (FileCodeBlocks).
            start.RegisterSemanticModelAction(file =>
            {
                // The text filters on the whole file first: a file that names no split (most of them) has no block that does.
                var root = file.SemanticModel.SyntaxTree.GetRoot(file.CancellationToken);
                var torch = torchReferenced && LeakageCompilationAnalysis.MaySplitAfterStatistics(root) ? compilation : null;
                var mlnetInFile = mlnet is not null && MLNetSplitLeakage.MayLeak(root) ? mlnet : null;
                if (torch is null && mlnetInFile is null)
                    return;
                var methods = new FileCodeBlocks.Methods(file.SemanticModel, file.CancellationToken);
                foreach (var block in FileCodeBlocks.Of(root))
                    AnalyzeBlock(file, block, methods, torch, mlnetInFile, program);
            });
        });
    }

    private static void AnalyzeBlock(SemanticModelAnalysisContext context, SyntaxNode codeBlock, FileCodeBlocks.Methods methods, Compilation? torchCompilation, MLNetKnownSymbols? mlnet, MLNetProgram? program)
    {
        var torch = torchCompilation is not null && LeakageCompilationAnalysis.MaySplitAfterStatistics(codeBlock)
            ? LeakageCompilationAnalysis.For(torchCompilation)
            : null;
        var mayLeakTorch = torch is not null;
        var mayLeakMLNet = mlnet is not null && MLNetSplitLeakage.MayLeak(codeBlock);
        if (!mayLeakTorch && !mayLeakMLNet || methods.Of(codeBlock) is null)
            return;
        try
        {
            var body = context.SemanticModel.GetOperation(codeBlock, context.CancellationToken);
            if (body is not (IMethodBodyOperation or IBlockOperation or IConstructorBodyOperation))
                return;
            if (mayLeakTorch)
            {
                foreach (var finding in torch!.FindingsFor(body, context.CancellationToken))
                    ReportUnlessGenerated(context, codeBlock, Report(finding));
            }
            if (mayLeakMLNet)
            {
                foreach (var finding in new MLNetSplitLeakage(mlnet!, program).Find(body, context.CancellationToken))
                    ReportUnlessGenerated(context, codeBlock, Report(finding));
            }
        }
        catch (Exception exception) when (AnalysisDefects.ShouldSwallow(exception))
        {
            // A defect in the analysis must never surface as a compiler error in users' builds (AD0001).
        }
    }

    private static void ReportUnlessGenerated(SemanticModelAnalysisContext context, SyntaxNode codeBlock, Diagnostic diagnostic)
    {
        if (GeneratedCode.MayReportAt(diagnostic.Location, codeBlock.SyntaxTree, context.SemanticModel.Compilation, context.CancellationToken))
            context.ReportDiagnostic(diagnostic);
    }

    private static Diagnostic Report(LeakFinding finding)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (LeakageFindings.TrainingRowsExpression(finding) is { } trainingRows && finding.Statistic.DataOperand is { } data)
        {
            properties = properties
                .Add(DiagnosticProperties.TrainingRows, trainingRows)
                .Add(DiagnosticProperties.StatisticData, data.Syntax.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture) + ","
                     + data.Syntax.Span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var evaluation = finding.Evaluation;
        var callText = evaluation.Call is IInvocationOperation invocation
            ? (invocation.Instance?.Syntax.ToString() is { Length: > 0 and <= 40 } instance ? instance + "." : string.Empty) + invocation.TargetMethod.Name
            : "evaluation";
        var heldOut = finding.HeldOut.Name ?? Shorten(evaluation.Argument.Syntax.ToString());
        return Diagnostic.Create(
            DiagnosticDescriptors.StatisticsLeakage,
            finding.Statistic.Operation.Syntax.GetLocation(),
            properties,
            "'" + finding.Statistic.Description + "'",
            finding.Statistic.Rows.Lifted.Name ?? "the data",
            heldOut,
            "evaluated at " + callText);
    }

    private static Diagnostic Report(MLNetLeakFinding finding)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MLNetLeakProperties.Kind, finding.CrossValidation ? MLNetLeakProperties.CrossValidation : MLNetLeakProperties.TrainTestSplit)
            .Add(MLNetLeakProperties.EvaluationStart, finding.Evaluation.Syntax.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Diagnostic.Create(
            DiagnosticDescriptors.StatisticsLeakage,
            finding.Fit.Syntax.GetLocation(),
            properties,
            finding.IsStatistic
                ? "'" + Shorten(finding.Fit.Syntax.ToString(), finding.Fit.TargetMethod.Name) + "'"
                : "The normalizer fitted by '" + Shorten(finding.Fit.Syntax.ToString(), "Fit") + "'",
            finding.DataName,
            finding.CrossValidation ? "cross-validation folds" : "TestSet",
            (finding.CrossValidation ? "by " : "by ") + finding.Evaluation.TargetMethod.Name);
    }

    private static string Shorten(string text, string fallback) => text.Length <= 60 && text.IndexOf('\n') < 0 ? text : fallback;

    private static string Shorten(string text) => text.Length <= 40 && text.IndexOf('\n') < 0 ? text : "the held-out rows";
}
