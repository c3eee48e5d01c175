using System;
using System.Collections.Immutable;
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = MLNetKnownSymbols.TryCreate(start.Compilation);
            if (symbols is null)
                return;
            var dataFiles = ProjectDataFiles.For(start.Options);
            var program = new MLNetProgram(start.Compilation);
            // Syntax first: an operation action would make the analyzer driver build the operation tree of every method
            // body in the project (binding each one again for analyzers), most of the build time this rule added.
            start.RegisterSyntaxNodeAction(nodeContext => AnalyzeInvocation(nodeContext, symbols, dataFiles, program), SyntaxKind.InvocationExpression);
        });
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, MLNetKnownSymbols symbols, ProjectDataFiles dataFiles, MLNetProgram program)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        var name = syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        // The cheap filters: a name lookup, then one dictionary lookup; everything below runs only for scale-sensitive trainers.
        if (name is null || !symbols.MayBeScaleSensitiveTrainer(name.Identifier.ValueText))
            return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation
            || !symbols.IsScaleSensitiveTrainer(invocation.TargetMethod))
            return;

        MissingNormalizerFinding? finding;
        try
        {
            var values = new MLNetOperationValues(MLNetOperationValues.RootOf(invocation));
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree);
            var threshold = ScalingOptions.Read(options).FeatureMagnitudeThreshold;
            var textFiles = new TextFileViews(dataFiles, DataFileLimits.Read(options), context.CancellationToken);
            finding = new TrainerPipelineAnalysis(symbols, new EstimatorChainEvaluator(symbols, values, threshold, textFiles, program, context.CancellationToken)).Analyze(invocation);
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
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.MLNetMissingNormalizer,
            invocation.Syntax.GetLocation(),
            properties.ToImmutable(),
            finding.TrainerName,
            finding.FeatureColumn,
            finding.Evidence is { } evidence ? "; " + evidence : ""));
    }
}
