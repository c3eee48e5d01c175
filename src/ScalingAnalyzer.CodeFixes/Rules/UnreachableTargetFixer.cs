using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// SCALE003: standardize the regression target before the training loop and give the loss the scaled target. The
/// fitted scaler is a local declared in the same block as the loop, so code after the loop can map predictions
/// back with <c>yScaler.InverseTransform(...)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnreachableTargetFixer)), Shared]
public sealed class UnreachableTargetFixer : CodeFixProvider
{
    public const string StandardizeTargetEquivalenceKey = FixEquivalenceKeys.StandardizeTarget;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnreachableTarget);

    public override FixAllProvider GetFixAllProvider()
        => ScalingStepWriter.CreateFixAllProvider(key => key == StandardizeTargetEquivalenceKey ? ScalerKind.Standardize : null);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!UnscaledFeatureFixer.HasRole(diagnostic, DiagnosticProperties.TargetRole))
                continue;
            var plan = ScalingStepPlan.TryCreate(root, semanticModel, diagnostic, ScalerKind.Standardize, context.CancellationToken);
            if (plan is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Standardize the target '{plan.Variable.Name}'",
                    cancellationToken => ScalingStepWriter.ApplyAsync(context.Document, new[] { plan }, cancellationToken),
                    StandardizeTargetEquivalenceKey),
                diagnostic);
        }
    }
}
