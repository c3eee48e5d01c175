using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
            // Syntax first, bound late, once per file (FileCodeBlocks). An operation action would make the analyzer
            // driver build the operation tree of every method body in the project for this rule. A semantic model action
            // runs when the compiler has finished the file, after the driver has bound its members for the analyzers
            // that need operations (the SDK's own, at the default analysis level): the trainer calls found here by name,
            // and the row generators and helpers beside them that a trainer's data comes from, are looked up in those
            // bound trees instead of being bound first by this rule.
            start.RegisterSemanticModelAction(file => AnalyzeFile(file, symbols, dataFiles, program));
        });
    }

    private static void AnalyzeFile(SemanticModelAnalysisContext context, MLNetKnownSymbols symbols, ProjectDataFiles dataFiles, MLNetProgram program)
    {
        var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
        // The text first: most files name no trainer, and walking their syntax was most of this rule's time. Where the
        // text names one, the token there says whether it is the name of a call; the file is walked only when it spells
        // an identifier with a Unicode escape.
        var positions = CodeText.IdentifierPositions(root, symbols.TrainerNames);
        if (positions is { Count: 0 })
            return;
        foreach (var syntax in positions is null ? root.DescendantNodes().OfType<InvocationExpressionSyntax>() : CallsNamedAt(root, positions))
        {
            if (MayBeScaleSensitiveTrainer(syntax, symbols) && !FileCodeBlocks.IsInMarkedGeneratedCode(syntax, context.SemanticModel, context.CancellationToken))
                AnalyzeInvocation(context, syntax, symbols, dataFiles, program);
        }
    }

    /// <summary>The calls whose method name is the identifier token at one of <paramref name="positions"/>.</summary>
    private static IEnumerable<InvocationExpressionSyntax> CallsNamedAt(SyntaxNode root, List<int> positions)
    {
        foreach (var position in positions)
        {
            var token = root.FindToken(position);
            if (token.SpanStart != position || token.Parent is not SimpleNameSyntax name)
                continue;
            var call = name.Parent switch
            {
                MemberAccessExpressionSyntax member when member.Name == name => member.Parent as InvocationExpressionSyntax,
                MemberBindingExpressionSyntax binding when binding.Name == name => binding.Parent as InvocationExpressionSyntax,
                InvocationExpressionSyntax invocation => invocation,
                _ => null,
            };
            if (call is not null && (call.Expression == name || call.Expression == name.Parent))
                yield return call;
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

    private static void AnalyzeInvocation(SemanticModelAnalysisContext context, InvocationExpressionSyntax syntax, MLNetKnownSymbols symbols, ProjectDataFiles dataFiles, MLNetProgram program)
    {
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation
            || !symbols.IsScaleSensitiveTrainer(invocation.TargetMethod))
            return;

        MissingNormalizerFinding? finding;
        try
        {
            var values = new MLNetOperationValues(MLNetOperationValues.RootOf(invocation));
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree);
            var threshold = ScalingOptions.Read(options).FeatureMagnitudeThreshold;
            var textFiles = new TextFileViews(dataFiles, DataFileLimits.Read(options), context.CancellationToken, program.Constants);
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
