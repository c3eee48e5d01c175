using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// SCALE001 and SCALE004: fit a runtime scaler on the feature tensor before the training loop and feed the scaled
/// tensor to the reported training call. Standardizing is offered first (the default); min-max scaling second.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnscaledFeatureFixer)), Shared]
public sealed class UnscaledFeatureFixer : CodeFixProvider
{
    public const string StandardizeEquivalenceKey = FixEquivalenceKeys.StandardizeFeature;
    public const string MinMaxScaleEquivalenceKey = FixEquivalenceKeys.MinMaxScaleFeature;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.UnscaledFeature, RuleIdentifiers.UnboundedFeature);

    public override FixAllProvider GetFixAllProvider() => ScalingStepWriter.CreateFixAllProvider(KindOf);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!HasRole(diagnostic, DiagnosticProperties.FeatureRole))
                continue;
            var standardize = ScalingStepPlan.TryCreate(root, semanticModel, diagnostic, ScalerKind.Standardize, context.CancellationToken);
            if (standardize is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Standardize '{standardize.Variable.Name}'",
                        cancellationToken => ScalingStepWriter.ApplyAsync(context.Document, new[] { standardize }, cancellationToken),
                        StandardizeEquivalenceKey),
                    diagnostic);
            }

            var minMax = ScalingStepPlan.TryCreate(root, semanticModel, diagnostic, ScalerKind.MinMax, context.CancellationToken);
            if (minMax is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Min-max scale '{minMax.Variable.Name}' to [0, 1]",
                        cancellationToken => ScalingStepWriter.ApplyAsync(context.Document, new[] { minMax }, cancellationToken),
                        MinMaxScaleEquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static ScalerKind? KindOf(string? equivalenceKey) => equivalenceKey switch
    {
        StandardizeEquivalenceKey => ScalerKind.Standardize,
        MinMaxScaleEquivalenceKey => ScalerKind.MinMax,
        _ => null,
    };

    /// <summary>The role is redundant with the id; a diagnostic that says otherwise is not one this fix understands.</summary>
    internal static bool HasRole(Diagnostic diagnostic, string role)
        => !diagnostic.Properties.TryGetValue(DiagnosticProperties.Role, out var actual) || actual is null || actual == role;
}
