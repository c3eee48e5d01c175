using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// Writes scaling steps into a document:
/// <code>
/// var xScaler = StandardScaler.Fit(x);
/// var xScaled = xScaler.Transform(x);
/// </code>
/// before the training statement, and <c>xScaled</c> in place of <c>x</c> at the reported arguments only.
/// </summary>
internal static class ScalingStepWriter
{
    /// <summary>
    /// Applies several plans in one edit. Plans for the same variable, training statement and scaler share one
    /// scaler (Fix All of two calls in one loop gives one <c>xScaler</c>, not two); names are reserved across the
    /// whole pass, so two steps never pick the same one.
    /// </summary>
    public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<ScalingStepPlan> plans, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
            return document;

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var names = new LocalNameGenerator(editor.OriginalRoot);
        var generator = editor.Generator;

        var rewritten = new HashSet<ExpressionSyntax>();
        foreach (var group in GroupByStep(plans))
        {
            var first = group[0];
            names.TakeVisibleNames(editor.SemanticModel, first.Anchor.SpanStart);
            ScalingSteps steps;
            string scaledName;
            if (first.ScalerType is { } scalerTypeSymbol)
            {
                string scalerName;
                (scalerName, scaledName) = names.ReservePair(first.Variable.Name, "Scaler", "Scaled");
                var scalerType = generator.TypeExpression(scalerTypeSymbol)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                var variable = generator.IdentifierName(first.Variable.Name);
                var fitScaler = generator.LocalDeclarationStatement(
                    scalerName,
                    generator.InvocationExpression(generator.MemberAccessExpression(scalerType, "Fit"), variable));
                var transform = generator.LocalDeclarationStatement(
                    scaledName,
                    generator.InvocationExpression(generator.MemberAccessExpression(generator.IdentifierName(scalerName), "Transform"), variable));
                InsertBefore(editor, first.Anchor, (StatementSyntax)fitScaler, (StatementSyntax)transform);
                steps = ScalingSteps.Runtime(scalerName);
                if (first.ModelSave is { Expression: InvocationExpressionSyntax save } && first.Anchor.Parent is BlockSyntax)
                {
                    var path = save.ArgumentList.Arguments[0].Expression.WithoutTrivia();
                    var saveScaler = SyntaxFactory.ParseStatement($"{scalerName}.Save({path} + \".{scalerName}.json\");");
                    editor.InsertAfter(first.ModelSave, saveScaler.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker).WithAdditionalAnnotations(Formatter.Annotation));
                }
            }
            else
            {
                var (meanName, stdName, scaled) = names.ReserveTriple(first.Variable.Name, "Mean", "Std", "Scaled");
                scaledName = scaled;
                var variable = first.Variable.Name;
                InsertBefore(editor, first.Anchor,
                    SyntaxFactory.ParseStatement($"var {meanName} = {variable}.mean(new long[] {{ 0 }}, keepdim: true);"),
                    SyntaxFactory.ParseStatement($"var {stdName} = {variable}.std(0, keepdim: true);"),
                    SyntaxFactory.ParseStatement($"var {scaledName} = ({variable} - {meanName}) / {stdName};"));
                steps = ScalingSteps.HandWritten(meanName, stdName);
            }

            foreach (var plan in group)
            {
                foreach (var occurrence in plan.Occurrences)
                    editor.ReplaceNode(occurrence, SyntaxFactory.IdentifierName(scaledName).WithTriviaFrom(occurrence));
                foreach (var input in plan.ServeInputs)
                {
                    if (rewritten.Add(input))
                        editor.ReplaceNode(input, (current, _) => steps.Apply((ExpressionSyntax)current).WithTriviaFrom(current));
                }
                foreach (var output in plan.Outputs)
                {
                    if (rewritten.Add(output))
                        editor.ReplaceNode(output, (current, _) => steps.Invert((ExpressionSyntax)current).WithTriviaFrom(current));
                }
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fix All: every diagnostic of the document that still plans (the preconditions are checked again against
    /// the document as it now is), written in one pass. The batch fixer would merge independent edits instead:
    /// two of them add the same using and may pick the same new name.
    /// </summary>
    public static FixAllProvider CreateFixAllProvider(System.Func<string?, ScalerKind?> kindOfEquivalenceKey)
        => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var kind = kindOfEquivalenceKey(context.CodeActionEquivalenceKey);
            if (kind is null || diagnostics.IsEmpty)
                return document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
                return document;

            var plans = new List<ScalingStepPlan>();
            foreach (var diagnostic in diagnostics)
            {
                var plan = ScalingStepPlan.TryCreate(root, semanticModel, diagnostic, kind.Value, context.CancellationToken);
                if (plan is not null)
                    plans.Add(plan);
            }

            plans.Sort((left, right) => left.Occurrences[0].SpanStart.CompareTo(right.Occurrences[0].SpanStart));
            return await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
        });

    private static List<List<ScalingStepPlan>> GroupByStep(IReadOnlyList<ScalingStepPlan> plans)
    {
        var groups = new List<List<ScalingStepPlan>>();
        var seenOccurrences = new HashSet<IdentifierNameSyntax>();
        foreach (var plan in plans)
        {
            List<ScalingStepPlan>? match = null;
            foreach (var group in groups)
            {
                var head = group[0];
                if (head.Anchor == plan.Anchor
                    && SymbolEqualityComparer.Default.Equals(head.Variable, plan.Variable)
                    && SymbolEqualityComparer.Default.Equals(head.ScalerType, plan.ScalerType))
                {
                    match = group;
                    break;
                }
            }

            // The same argument reported twice (two rules, or a duplicate) is rewritten once.
            var fresh = true;
            foreach (var occurrence in plan.Occurrences)
                fresh &= seenOccurrences.Add(occurrence);
            if (!fresh)
                continue;

            if (match is null)
                groups.Add(new List<ScalingStepPlan> { plan });
            else
                match.Add(plan);
        }

        return groups;
    }

    private static void InsertBefore(DocumentEditor editor, StatementSyntax anchor, params StatementSyntax[] statements)
    {
        if (anchor.Parent is GlobalStatementSyntax globalStatement)
        {
            // The formatter separates top-level statements it lays out by blank lines, as if they were members:
            // give them the layout of ordinary consecutive statements instead.
            var newLine = FirstEndOfLine(editor.OriginalRoot);
            editor.InsertBefore(globalStatement, statements
                .Select(statement => (SyntaxNode)SyntaxFactory.GlobalStatement(statement.NormalizeWhitespace().WithTrailingTrivia(newLine)))
                .ToArray());
        }
        else
        {
            editor.InsertBefore(anchor, statements
                .Select(statement => (SyntaxNode)statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker).WithAdditionalAnnotations(Formatter.Annotation))
                .ToArray());
        }
    }

    private static SyntaxTrivia FirstEndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                return trivia;
        }

        return SyntaxFactory.CarriageReturnLineFeed;
    }
}
