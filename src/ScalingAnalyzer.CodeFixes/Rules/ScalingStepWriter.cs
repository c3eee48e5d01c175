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
            ScalingSteps elsewhere;
            string scaledName;
            var variable = first.Variable.Name;
            var field = first.ModuleField;
            var bang = first.NullableField ? "!" : "";
            if (first.ScalerType is { } scalerTypeSymbol)
            {
                var scalerType = generator.TypeExpression(scalerTypeSymbol)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                string scalerName;
                StatementSyntax fitScaler;
                if (field is not null)
                {
                    // The model is a field its class's other methods call: the scaler is kept beside it.
                    scalerName = names.ReserveField(variable, "Scaler");
                    (_, scaledName) = names.ReservePair(variable, "Scaler", "Scaled");
                    InsertField(editor, field, scalerType, scalerName, first.NullableField, cancellationToken);
                    fitScaler = (StatementSyntax)generator.ExpressionStatement(generator.AssignmentStatement(
                        generator.IdentifierName(scalerName),
                        generator.InvocationExpression(generator.MemberAccessExpression(scalerType, "Fit"), generator.IdentifierName(variable))));
                }
                else
                {
                    (scalerName, scaledName) = names.ReservePair(variable, "Scaler", "Scaled");
                    fitScaler = (StatementSyntax)generator.LocalDeclarationStatement(
                        scalerName,
                        generator.InvocationExpression(generator.MemberAccessExpression(scalerType, "Fit"), generator.IdentifierName(variable)));
                }
                var transform = generator.LocalDeclarationStatement(
                    scaledName,
                    generator.InvocationExpression(generator.MemberAccessExpression(generator.IdentifierName(scalerName), "Transform"), generator.IdentifierName(variable)));
                InsertBefore(editor, first.Anchor, fitScaler, (StatementSyntax)transform);
                steps = ScalingSteps.Runtime(scalerName);
                elsewhere = ScalingSteps.Runtime(scalerName + bang);
                if (first.ModelSave is { Expression: InvocationExpressionSyntax save } && first.Anchor.Parent is BlockSyntax)
                {
                    var path = save.ArgumentList.Arguments[0].Expression.WithoutTrivia();
                    var saveScaler = SyntaxFactory.ParseStatement($"{scalerName}.Save({path} + \".{scalerName.TrimStart('_')}.json\");");
                    editor.InsertAfter(first.ModelSave, saveScaler.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker).WithAdditionalAnnotations(Formatter.Annotation));
                }
            }
            else
            {
                string meanName, stdName;
                string declare;
                if (field is not null && first.TensorType is { } tensorTypeSymbol)
                {
                    meanName = names.ReserveField(variable, "Mean");
                    stdName = names.ReserveField(variable, "Std");
                    (_, _, scaledName) = names.ReserveTriple(variable, "Mean", "Std", "Scaled");
                    var tensorType = generator.TypeExpression(tensorTypeSymbol).WithAdditionalAnnotations(Simplifier.Annotation);
                    InsertField(editor, field, tensorType, meanName, first.NullableField, cancellationToken);
                    InsertField(editor, field, tensorType, stdName, first.NullableField, cancellationToken);
                    declare = "";
                }
                else
                {
                    (meanName, stdName, scaledName) = names.ReserveTriple(variable, "Mean", "Std", "Scaled");
                    declare = "var ";
                }
                InsertBefore(editor, first.Anchor,
                    SyntaxFactory.ParseStatement($"{declare}{meanName} = {variable}.mean(new long[] {{ 0 }}, keepdim: true);"),
                    SyntaxFactory.ParseStatement($"{declare}{stdName} = {variable}.std(0, keepdim: true);"),
                    SyntaxFactory.ParseStatement($"var {scaledName} = ({variable} - {meanName}) / {stdName};"));
                steps = ScalingSteps.HandWritten(meanName, stdName);
                elsewhere = ScalingSteps.HandWritten(meanName + bang, stdName + bang);
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
                if (plan.IsFeature)
                {
                    foreach (var input in plan.OtherMethodInputs)
                    {
                        if (rewritten.Add(input))
                            editor.ReplaceNode(input, (current, _) => elsewhere.Apply((ExpressionSyntax)current).WithTriviaFrom(current));
                    }
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

    /// <summary><c>private [static] StandardScaler? _xScaler;</c> just before the module's field, static as it is.</summary>
    private static void InsertField(DocumentEditor editor, IFieldSymbol moduleField, SyntaxNode type, string name, bool nullable, CancellationToken cancellationToken)
    {
        if (moduleField.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<FieldDeclarationSyntax>() is not { } declaration)
            return;
        var fieldType = nullable ? SyntaxFactory.NullableType((TypeSyntax)type) : (TypeSyntax)type;
        var field = editor.Generator.FieldDeclaration(name, fieldType, Accessibility.Private, moduleField.IsStatic ? DeclarationModifiers.Static : DeclarationModifiers.None);
        editor.InsertBefore(declaration, field.WithAdditionalAnnotations(Formatter.Annotation));
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
