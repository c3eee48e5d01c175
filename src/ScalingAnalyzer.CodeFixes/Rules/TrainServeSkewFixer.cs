using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// SCALE005: give the module the input scaled the way its training input was (<c>xScaler.Transform(house)</c>, or
/// <c>((house - xMean) / xStd)</c>), or map its output back to original units (<c>yScaler.InverseTransform(...)</c>, or
/// <c>(... * yStd + yMean)</c>). Offered only when the analyzer names the scaler (or the centre and spread) and that
/// very variable is visible at the site.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrainServeSkewFixer)), Shared]
public sealed class TrainServeSkewFixer : CodeFixProvider
{
    public const string ScaleInputEquivalenceKey = FixEquivalenceKeys.ScaleServedInput;
    public const string MapOutputBackEquivalenceKey = FixEquivalenceKeys.MapOutputBack;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TrainServeSkew);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var rewrite = Plan(root, semanticModel, diagnostic, context.CancellationToken);
            if (rewrite is null)
                continue;
            var (target, replacement, title, key) = rewrite.Value;
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(
                    root.ReplaceNode(target, replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation)))), key),
                diagnostic);
        }
    }

    private static (ExpressionSyntax Target, ExpressionSyntax Replacement, string Title, string Key)? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceSpan.End > root.FullSpan.End
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Role, out var role))
            return null;
        var tensorType = semanticModel.Compilation.GetTypeByMetadataName(ScalingStepPlan.TensorMetadataName);
        ExpressionSyntax? target;
        if (role == DiagnosticProperties.InputRole)
        {
            var reported = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            target = reported is ArgumentSyntax argument ? argument.Expression : reported as ExpressionSyntax;
            if (target is null || target.Span != diagnostic.Location.SourceSpan
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(target, cancellationToken).Type, tensorType))
                return null;
        }
        else if (role == DiagnosticProperties.OutputRole)
        {
            var outputs = ScalingStepPlan.ResolveRewrites(root, semanticModel, diagnostic, DiagnosticProperties.Outputs, anchor: null, tensorType, cancellationToken);
            if (outputs.Length != 1)
                return null;
            target = outputs[0];
        }
        else
        {
            return null;
        }

        var scaler = Holder(diagnostic, DiagnosticProperties.Scaler, target, semanticModel, cancellationToken);
        ScalingSteps steps;
        string name;
        if (scaler is not null)
        {
            steps = ScalingSteps.Runtime(scaler);
            name = scaler;
        }
        else
        {
            var centre = Holder(diagnostic, DiagnosticProperties.Centre, target, semanticModel, cancellationToken);
            var spread = Holder(diagnostic, DiagnosticProperties.Spread, target, semanticModel, cancellationToken);
            if (centre is null || spread is null)
                return null;
            steps = ScalingSteps.HandWritten(centre, spread);
            name = centre + " and " + spread;
        }
        return role == DiagnosticProperties.InputRole
            ? (target, steps.Apply(target), $"Scale '{Short(target)}' with {name}", ScaleInputEquivalenceKey)
            : (target, steps.Invert(target), $"Map '{Short(target)}' back with {name}", MapOutputBackEquivalenceKey);
    }

    /// <summary>
    /// The expression naming the variable the property gives ("name@declaration start"), when that variable is what the
    /// name binds to at <paramref name="site"/>: a local declared before it (not across a static function), or a field
    /// reachable from the site's member (an instance field only from an instance member). Null otherwise.
    /// </summary>
    private static string? Holder(Diagnostic diagnostic, string key, ExpressionSyntax site, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var text) || text is null)
            return null;
        var at = text.LastIndexOf('@');
        if (at <= 0 || !int.TryParse(text.Substring(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
            return null;
        var name = text.Substring(0, at);
        var visible = semanticModel.LookupSymbols(site.SpanStart, name: name);
        if (visible.Length != 1 || visible[0].Locations.Length != 1 || visible[0].Locations[0].SourceSpan.Start != declared
            || visible[0].Locations[0].SourceTree != site.SyntaxTree)
            return null;
        switch (visible[0])
        {
            case ILocalSymbol local:
                if (local.Locations[0].SourceSpan.End > site.SpanStart)
                    return null;
                if (site.Ancestors().Any(ancestor => ancestor is AnonymousFunctionExpressionSyntax { Modifiers: var modifiers } && modifiers.Any(SyntaxKind.StaticKeyword)
                    || ancestor is LocalFunctionStatementSyntax { Modifiers: var localModifiers } && localModifiers.Any(SyntaxKind.StaticKeyword)))
                    return null;
                return name + (local.Type.NullableAnnotation == NullableAnnotation.Annotated && local.Type.IsReferenceType ? "!" : "");
            case IFieldSymbol field:
                var member = semanticModel.GetEnclosingSymbol(site.SpanStart, cancellationToken);
                while (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } nested)
                    member = nested.ContainingSymbol;
                if (!field.IsStatic && (member is null || member.IsStatic))
                    return null;
                return name + (field.Type.NullableAnnotation == NullableAnnotation.Annotated && field.Type.IsReferenceType ? "!" : "");
            default:
                return null;
        }
    }

    private static string Short(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
