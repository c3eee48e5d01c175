using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis;
using ScalingAnalyzer.Analysis.DataFiles;
using ScalingAnalyzer.Analysis.MLNet;

namespace ScalingAnalyzer.Rules;

/// <summary>
/// SCALE002: an ML.NET trainer that needs normalization reads a feature column no normalizer before it in the
/// pipeline has normalized. Reported on the trainer's creation expression.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MLNetNormalizationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MLNetMissingNormalizer);

    public override void Initialize(AnalysisContext context)
    {
        // Not run on generated code, and it reports at a trainer call of the block it analyses: the driver need not check
        // its diagnostics for generated code (see GeneratedCode).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = MLNetKnownSymbols.TryCreate(start.Compilation);
            if (symbols is null)
                return;
            var dataFiles = ProjectDataFiles.For(start.Compilation, start.Options);
            var program = new MLNetProgram(start.Compilation);
            // Syntax first, bound late. An operation action would make the analyzer driver build the operation tree of
            // every method body in the project for this rule. A code block action runs, for each member, after the
            // driver has bound the member's body for the analyzers that need operations (the SDK's own, at the default
            // analysis level), so the trainer calls found here by name are looked up in that bound tree instead of
            // being bound first by this rule; a syntax node action runs before that binding and paid for it.
            // The blocks that name a trainer are analysed when their type is complete: the analysis reads the type's
            // other members too (the generator of LoadFromEnumerable's rows, the helper that builds the pipeline), whose
            // bodies the driver has bound by then for its own code block actions on them, where a block analysed at
            // once often asked for them first and bound them on its own account.
            start.RegisterSymbolStartAction(type =>
            {
                var blocks = new List<(SyntaxNode Code, SemanticModel Model)>();
                type.RegisterCodeBlockAction(block =>
                {
                    // The text first: most code blocks name no trainer, and walking their syntax was most of this rule's time.
                    if (!CodeText.ContainsIdentifier(block.CodeBlock, symbols.TrainerNames))
                        return;
                    lock (blocks)
                        blocks.Add((block.CodeBlock, block.SemanticModel));
                });
                type.RegisterSymbolEndAction(end =>
                {
                    (SyntaxNode Code, SemanticModel Model)[] complete;
                    lock (blocks)
                        complete = blocks.ToArray();
                    foreach (var (code, model) in complete)
                        AnalyzeBlock(code, model, end.Options, end.ReportDiagnostic, symbols, dataFiles, program, end.CancellationToken);
                });
            }, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeBlock(SyntaxNode block, SemanticModel model, AnalyzerOptions analyzerOptions, Action<Diagnostic> report,
        MLNetKnownSymbols symbols, ProjectDataFiles dataFiles, MLNetProgram program, CancellationToken cancellationToken)
    {
        // Top-level statements: the block is the file, whose type declarations are code blocks of their own.
        var code = block is CompilationUnitSyntax unit ? (IEnumerable<SyntaxNode>)unit.Members.OfType<GlobalStatementSyntax>() : new[] { block };
        foreach (var root in code)
        {
            foreach (var node in root.DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax syntax && MayBeScaleSensitiveTrainer(syntax, symbols))
                    AnalyzeInvocation(syntax, model, analyzerOptions, report, symbols, dataFiles, program, cancellationToken);
            }
        }
    }

    /// <summary>The cheap filter before any binding: the name of the method called is the name of a scale-sensitive trainer.</summary>
    private static bool MayBeScaleSensitiveTrainer(InvocationExpressionSyntax syntax, MLNetKnownSymbols symbols)
    {
        var name = syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name is not null && symbols.MayBeScaleSensitiveTrainer(name.Identifier.ValueText);
    }

    private static void AnalyzeInvocation(InvocationExpressionSyntax syntax, SemanticModel model, AnalyzerOptions analyzerOptions, Action<Diagnostic> report,
        MLNetKnownSymbols symbols, ProjectDataFiles dataFiles, MLNetProgram program, CancellationToken cancellationToken)
    {
        if (model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || !symbols.IsScaleSensitiveTrainer(invocation.TargetMethod))
            return;

        MissingNormalizerFinding? finding;
        try
        {
            var values = new MLNetOperationValues(MLNetOperationValues.RootOf(invocation));
            var options = analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree);
            var threshold = ScalingOptions.Read(options).FeatureMagnitudeThreshold;
            var textFiles = new TextFileViews(dataFiles, DataFileLimits.Read(options), cancellationToken, program.Constants);
            finding = new TrainerPipelineAnalysis(symbols, new EstimatorChainEvaluator(symbols, values, threshold, textFiles, program, cancellationToken)).Analyze(invocation);
        }
        catch (Exception exception) when (AnalysisDefects.ShouldSwallow(exception))
        {
            // Same policy as the TorchSharp rules: a defect in the analysis must never surface in users' builds as
            // AD0001; the test suite turns the switch on so every defect fails a test.
            return;
        }
        if (finding is null)
            return;

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.FeatureColumn, finding.FeatureColumn);
        if (finding.MLContextExpression is { } mlContext && !finding.Insertions.IsDefaultOrEmpty)
        {
            properties.Add(MLNetFixProperties.MLContext, mlContext);
            properties.Add(MLNetFixProperties.Insertions, MLNetFixProperties.Encode(finding.Insertions));
        }
        report(Diagnostic.Create(
            DiagnosticDescriptors.MLNetMissingNormalizer,
            invocation.Syntax.GetLocation(),
            properties.ToImmutable(),
            finding.TrainerName,
            finding.FeatureColumn,
            finding.Evidence is { } evidence ? "; " + evidence : ""));
    }
}
