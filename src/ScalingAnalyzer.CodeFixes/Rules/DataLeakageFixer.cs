using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Simplification;
using ScalingAnalyzer.Analysis.MLNet;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>
/// SCALE006: fit the statistics on the training rows and apply them to the held-out rows.
/// <list type="bullet">
/// <item>TorchSharp: the statistic reads the training part instead of all rows (<c>X.mean(0)</c> becomes
/// <c>X[..800].mean(0)</c>, the training split with the statistic's own data); everything it scales, test rows
/// included, is then scaled with the training statistics.</item>
/// <item>ML.NET, TrainTestSplit: the raw data is split, the chain is fitted on its TrainSet, and both sets are
/// transformed with it (the split keeps its name and its TrainSet/TestSet members).</item>
/// <item>ML.NET, CrossValidate: the chain goes into the cross-validated pipeline before the trainer, which then gets
/// the raw data, so each fold fits the normalizer on its own training folds.</item>
/// </list>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DataLeakageFixer)), Shared]
public sealed class DataLeakageFixer : CodeFixProvider
{
    public const string FitOnTrainingRowsEquivalenceKey = FixEquivalenceKeys.FitStatisticsOnTrainingRows;
    public const string FitOnTrainSetEquivalenceKey = FixEquivalenceKeys.FitNormalizerOnTrainSet;
    public const string NormalizeInsideCrossValidationEquivalenceKey = FixEquivalenceKeys.NormalizeInsideCrossValidation;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.StatisticsLeakage);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (TorchSharpPlan(root, diagnostic) is { } torch)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Compute the statistic on the training rows ({Shorten(torch.TrainingRows.ToString())})",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(torch.Data, torch.TrainingRows))),
                        FitOnTrainingRowsEquivalenceKey),
                    diagnostic);
                continue;
            }
            if (!diagnostic.Properties.TryGetValue(MLNetLeakProperties.Kind, out var kind))
                continue;
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (semanticModel is null)
                continue;
            if (kind == MLNetLeakProperties.TrainTestSplit && SplitPlan.TryCreate(root, semanticModel, diagnostic, context.CancellationToken) is { } split)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Fit the normalizer on the training set and transform both sets with it", _ => Task.FromResult(context.Document.WithSyntaxRoot(split.Apply(root))), FitOnTrainSetEquivalenceKey),
                    diagnostic);
            }
            else if (kind == MLNetLeakProperties.CrossValidation && CrossValidationPlan.TryCreate(root, semanticModel, diagnostic, context.CancellationToken) is { } crossValidation)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Move the normalizer into the cross-validated pipeline", _ => Task.FromResult(context.Document.WithSyntaxRoot(crossValidation.Apply(root))), NormalizeInsideCrossValidationEquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 50 ? text : text.Substring(0, 47) + "...";

    private sealed class TorchSharpReplacement
    {
        public TorchSharpReplacement(ExpressionSyntax data, ExpressionSyntax trainingRows)
        {
            Data = data;
            TrainingRows = trainingRows;
        }

        public ExpressionSyntax Data { get; }
        public ExpressionSyntax TrainingRows { get; }
    }

    private static TorchSharpReplacement? TorchSharpPlan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ScalingAnalyzer.DiagnosticProperties.TrainingRows, out var rows) || rows is null
            || !diagnostic.Properties.TryGetValue(ScalingAnalyzer.DiagnosticProperties.StatisticData, out var span) || span is null)
            return null;
        var parts = span.Split(',');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var length)
            || start < 0 || length <= 0 || start + length > root.FullSpan.End)
            return null;
        var statistic = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (root.FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(start, length), getInnermostNodeForTie: true) is not ExpressionSyntax data
            || data.Span.Start != start || data.Span.Length != length || !statistic.Span.Contains(data.Span))
            return null;
        var replacement = SyntaxFactory.ParseExpression(rows);
        if (replacement.ContainsDiagnostics)
            return null;
        return new TorchSharpReplacement(data, replacement.WithTriviaFrom(data).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>The shapes both ML.NET fixes start from: <c>var N = E.Fit(D).Transform(D);</c> in a block.</summary>
    private sealed class FittedView
    {
        private FittedView(LocalDeclarationStatementSyntax statement, ILocalSymbol view, ExpressionSyntax estimator, IdentifierNameSyntax data)
        {
            Statement = statement;
            View = view;
            Estimator = estimator;
            Data = data;
        }

        public LocalDeclarationStatementSyntax Statement { get; }
        public ILocalSymbol View { get; }
        public ExpressionSyntax Estimator { get; }
        public IdentifierNameSyntax Data { get; }

        public static FittedView? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Fit", Expression: var estimator },
                    ArgumentList.Arguments: { Count: 1 } fitArguments,
                } fit
                || fitArguments[0] is not { Expression: IdentifierNameSyntax data, NameColon: null })
                return null;
            if (fit.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Transform" } transformAccess
                || transformAccess.Parent is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } transformArguments } transform
                || transformArguments[0] is not { Expression: IdentifierNameSyntax transformed, NameColon: null }
                || transformed.Identifier.ValueText != data.Identifier.ValueText
                || transform.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
                || statement.Parent is not BlockSyntax
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol view
                || model.GetSymbolInfo(data, cancellationToken).Symbol is not (ILocalSymbol or IParameterSymbol))
                return null;
            return new FittedView(statement, view, estimator, data);
        }

        /// <summary>References to <paramref name="symbol"/> in the block, by identifier.</summary>
        public static List<IdentifierNameSyntax> References(SyntaxNode scope, SemanticModel model, ISymbol symbol, CancellationToken cancellationToken)
            => scope.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(name => name.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
                .ToList();

        /// <summary>The data local is not written between the fitted view and <paramref name="until"/>.</summary>
        public bool DataUnchangedUntil(StatementSyntax until)
        {
            var block = (BlockSyntax)Statement.Parent!;
            var inBetween = false;
            foreach (var statement in block.Statements)
            {
                if (statement == Statement)
                {
                    inBetween = true;
                    continue;
                }
                if (statement == until)
                    return true;
                if (inBetween && statement.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == Data.Identifier.ValueText))
                    return false;
            }
            return false;
        }
    }

    private sealed class SplitPlan
    {
        private readonly FittedView _view;
        private readonly LocalDeclarationStatementSyntax _splitStatement;
        private readonly InvocationExpressionSyntax _split;
        private readonly string _splitName, _rawName, _normalizerName;

        private SplitPlan(FittedView view, LocalDeclarationStatementSyntax splitStatement, InvocationExpressionSyntax split, string splitName, string rawName, string normalizerName)
        {
            _view = view;
            _splitStatement = splitStatement;
            _split = split;
            _splitName = splitName;
            _rawName = rawName;
            _normalizerName = normalizerName;
        }

        public static SplitPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (FittedView.TryCreate(root, model, diagnostic, cancellationToken) is not { } view
                || EvaluationAt(root, diagnostic) is not { } split
                || split.ArgumentList.Arguments.Count == 0
                || split.ArgumentList.Arguments[0] is not { NameColon: null, Expression: IdentifierNameSyntax splitData }
                || splitData.Identifier.ValueText != view.View.Name
                || split.ArgumentList.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "samplingKeyColumnName")
                || split.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax splitDeclarator }
                || splitDeclarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax splitStatement }
                || splitStatement.Parent != view.Statement.Parent
                || splitStatement.SpanStart < view.Statement.Span.End
                || !view.DataUnchangedUntil(splitStatement)
                || model.GetDeclaredSymbol(splitDeclarator, cancellationToken) is not ILocalSymbol splitSymbol)
                return null;
            var block = view.Statement.Parent!;
            if (FittedView.References(block, model, view.View, cancellationToken).Count != 1)
                return null;
            // The split is only read as split.TrainSet and split.TestSet, which the tuple that replaces it offers too.
            foreach (var reference in FittedView.References(block, model, splitSymbol, cancellationToken))
            {
                if (reference.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TrainSet" or "TestSet" } access || access.Expression != reference
                    || access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access)
                    return null;
            }
            var names = new LocalNameGenerator(root);
            names.TakeVisibleNames(model, splitStatement.SpanStart);
            var (rawName, normalizerName) = names.ReservePair(view.Data.Identifier.ValueText, "Split", "Normalizer");
            return new SplitPlan(view, splitStatement, split, splitSymbol.Name, rawName, normalizerName);
        }

        public SyntaxNode Apply(SyntaxNode root)
        {
            var data = _view.Data.Identifier.ValueText;
            var arguments = _split.ArgumentList.Arguments.Replace(_split.ArgumentList.Arguments[0], _split.ArgumentList.Arguments[0].WithExpression(SyntaxFactory.IdentifierName(data)));
            var rawSplit = _split.WithArgumentList(_split.ArgumentList.WithArguments(arguments));
            var statements = new[]
            {
                SyntaxFactory.ParseStatement($"var {_rawName} = {rawSplit.WithoutTrivia()};\n"),
                SyntaxFactory.ParseStatement($"var {_normalizerName} = {_view.Estimator.WithoutTrivia()}.Fit({_rawName}.TrainSet);\n"),
                SyntaxFactory.ParseStatement($"var {_splitName} = (TrainSet: {_normalizerName}.Transform({_rawName}.TrainSet), TestSet: {_normalizerName}.Transform({_rawName}.TestSet));\n"),
            };
            statements[0] = statements[0].WithLeadingTrivia(_splitStatement.GetLeadingTrivia());
            for (var i = 0; i < statements.Length; i++)
                statements[i] = statements[i].WithAdditionalAnnotations(Formatter.Annotation);
            var tracked = root.TrackNodes(_view.Statement, _splitStatement);
            tracked = tracked.InsertNodesAfter(tracked.GetCurrentNode(_splitStatement)!, statements);
            tracked = tracked.RemoveNode(tracked.GetCurrentNode(_splitStatement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
            return tracked.RemoveNode(tracked.GetCurrentNode(_view.Statement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        }
    }

    private sealed class CrossValidationPlan
    {
        private readonly FittedView _view;
        private readonly ArgumentSyntax _dataArgument;
        private readonly ArgumentSyntax _estimatorArgument;

        private CrossValidationPlan(FittedView view, ArgumentSyntax dataArgument, ArgumentSyntax estimatorArgument)
        {
            _view = view;
            _dataArgument = dataArgument;
            _estimatorArgument = estimatorArgument;
        }

        public static CrossValidationPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (FittedView.TryCreate(root, model, diagnostic, cancellationToken) is not { } view
                || EvaluationAt(root, diagnostic) is not { } crossValidation
                || crossValidation.ArgumentList.Arguments.Count < 2)
                return null;
            var arguments = crossValidation.ArgumentList.Arguments;
            var dataArgument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "data") ?? (arguments[0].NameColon is null ? arguments[0] : null);
            var estimatorArgument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "estimator") ?? (arguments[1].NameColon is null ? arguments[1] : null);
            if (dataArgument?.Expression is not IdentifierNameSyntax data || data.Identifier.ValueText != view.View.Name || estimatorArgument is null
                || crossValidation.FirstAncestorOrSelf<StatementSyntax>() is not { } statement || statement.Parent != view.Statement.Parent
                || statement.SpanStart < view.Statement.Span.End || !view.DataUnchangedUntil(statement)
                || FittedView.References(view.Statement.Parent!, model, view.View, cancellationToken).Count != 1)
                return null;
            return new CrossValidationPlan(view, dataArgument, estimatorArgument);
        }

        public SyntaxNode Apply(SyntaxNode root)
        {
            var estimator = _view.Estimator.WithoutTrivia();
            var appended = SyntaxFactory.ParseExpression($"{estimator}.Append({_estimatorArgument.Expression.WithoutTrivia()})")
                .WithTriviaFrom(_estimatorArgument.Expression).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
            var tracked = root.TrackNodes(_view.Statement, _dataArgument, _estimatorArgument);
            tracked = tracked.ReplaceNode(tracked.GetCurrentNode(_dataArgument)!, _dataArgument.WithExpression(SyntaxFactory.IdentifierName(_view.Data.Identifier.ValueText).WithTriviaFrom(_dataArgument.Expression)));
            tracked = tracked.ReplaceNode(tracked.GetCurrentNode(_estimatorArgument)!, _estimatorArgument.WithExpression(appended));
            return tracked.RemoveNode(tracked.GetCurrentNode(_view.Statement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        }
    }

    private static InvocationExpressionSyntax? EvaluationAt(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(MLNetLeakProperties.EvaluationStart, out var text) || text is null
            || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) || start < 0 || start >= root.FullSpan.End)
            return null;
        return root.FindToken(start).Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(invocation => invocation.SpanStart == start);
    }
}
