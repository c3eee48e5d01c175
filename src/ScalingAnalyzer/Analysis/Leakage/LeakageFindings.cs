using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>What a helper method does with the rows of its data parameters: trains on them, evaluates on them.</summary>
internal sealed class LeakageSummary
{
    public LeakageSummary(ImmutableHashSet<int> trainingParameters, ImmutableHashSet<int> evaluationParameters, bool trains, int scaledParameter, ImmutableArray<(int Element, int Parameter)> returnedParts)
    {
        TrainingParameters = trainingParameters;
        EvaluationParameters = evaluationParameters;
        Trains = trains;
        ScaledParameter = scaledParameter;
        ReturnedParts = returnedParts;
    }

    public ImmutableHashSet<int> TrainingParameters { get; }
    public ImmutableHashSet<int> EvaluationParameters { get; }
    public bool Trains { get; }

    /// <summary>
    /// The ordinal of the parameter the helper returns scaled with statistics of all its rows
    /// (<c>Standardize(x) => (x - x.mean(0)) / x.std(0)</c>), else -1.
    /// </summary>
    public int ScaledParameter { get; }

    /// <summary>Elements of the returned tuple that are parts of a parameter's rows (<c>(x[..n], x[n..])</c>).</summary>
    public ImmutableArray<(int Element, int Parameter)> ReturnedParts { get; }

    public bool IsEmpty => TrainingParameters.IsEmpty && EvaluationParameters.IsEmpty && ScaledParameter < 0 && ReturnedParts.IsEmpty;

    public static LeakageSummary? From(RowFlowFacts facts)
    {
        var training = ImmutableHashSet.CreateBuilder<int>();
        var evaluation = ImmutableHashSet.CreateBuilder<int>();
        foreach (var use in facts.Uses)
        {
            if (use.Value.Rows is not { } rows || rows.Lifted.Root.ParameterOrdinal is not (>= 0 and var ordinal))
                continue;
            if (facts.IsTraining(use))
                training.Add(ordinal);
            else
                evaluation.Add(ordinal);
        }
        var scaled = -1;
        var parts = ImmutableArray.CreateBuilder<(int, int)>();
        if (facts.Returned is { } returned)
        {
            if (returned.Rows is { } rows && rows.Canonical.Parent is null && rows.Canonical.ParameterOrdinal >= 0)
            {
                foreach (var statistic in returned.Statistics)
                {
                    if (ReferenceEquals(statistic.Rows.Lifted.Canonical, rows.Canonical))
                        scaled = rows.Canonical.ParameterOrdinal;
                }
            }
            if (!returned.Parts.IsDefault)
            {
                for (var i = 0; i < returned.Parts.Length; i++)
                {
                    if (returned.Parts[i].Rows is { } partRows && !partRows.Canonical.CoversParent && partRows.Canonical.Parent is not null
                        && partRows.Root.ParameterOrdinal is >= 0 and var parameter)
                        parts.Add((i, parameter));
                }
            }
        }
        var summary = new LeakageSummary(training.ToImmutable(), evaluation.ToImmutable(), facts.Trains, scaled, parts.ToImmutable());
        return summary.IsEmpty ? null : summary;
    }
}

/// <summary>A statistic taken over rows part of which is held out for evaluation, with what a fix needs.</summary>
internal sealed class LeakFinding
{
    public LeakFinding(StatisticSite statistic, DataUse evaluation, RowSet heldOut, RowSet? trainingPart)
    {
        Statistic = statistic;
        Evaluation = evaluation;
        HeldOut = heldOut;
        TrainingPart = trainingPart;
    }

    public StatisticSite Statistic { get; }
    public DataUse Evaluation { get; }
    public RowSet HeldOut { get; }

    /// <summary>The part of the statistic's rows the model trains on (a direct split of them), when there is one.</summary>
    public RowSet? TrainingPart { get; }
}

/// <summary>Reads the facts of one method: statistics whose rows include rows held out for evaluation.</summary>
internal static class LeakageFindings
{
    public static List<LeakFinding> Find(RowFlowFacts facts)
    {
        var findings = new List<LeakFinding>();
        if (!facts.Trains || facts.Statistics.Count == 0)
            return findings;
        var training = new List<(DataUse Use, RowSet Rows)>();
        var evaluation = new List<(DataUse Use, RowSet Rows)>();
        foreach (var use in facts.Uses)
        {
            if (use.Value.Rows is not { } rows)
                continue;
            if (facts.IsTraining(use))
                training.Add((use, rows.Lifted));
            else
                evaluation.Add((use, rows.Lifted));
        }
        if (training.Count == 0 || evaluation.Count == 0)
            return findings;

        foreach (var statistic in facts.Statistics)
        {
            var statisticRows = statistic.Rows.Lifted;
            // The statistic must shape what the model trains on: training rows of these rows, scaled with it.
            RowSet? trainedRows = null;
            foreach (var (use, rows) in training)
            {
                if (rows.IsWithin(statisticRows) && use.Value.Statistics.Contains(statistic))
                {
                    trainedRows = rows;
                    break;
                }
            }
            if (trainedRows is null)
                continue;
            foreach (var (use, rows) in evaluation)
            {
                if (ReferenceEquals(rows.Canonical, statisticRows.Canonical) || !rows.IsWithin(statisticRows) || TrainedOn(rows, training))
                    continue;
                findings.Add(new LeakFinding(statistic, use, rows, trainedRows.ChildOnPathFrom(statisticRows) ?? trainedRows));
                break;
            }
        }
        return findings;
    }

    /// <summary>Rows the model also trains on (the same rows, a part of training rows, or rows containing them): not held out.</summary>
    private static bool TrainedOn(RowSet rows, List<(DataUse Use, RowSet Rows)> training)
    {
        foreach (var (_, trained) in training)
        {
            if (rows.IsWithin(trained) || trained.IsWithin(rows))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The expression that computes the statistic on the training rows instead: the training part's split
    /// expression with the statistic's own data in place of the split's data (<c>X.mean(0)</c> with
    /// <c>xTrain = Xs[..800]</c> gives <c>X[..800]</c>). Null when the split is not one expression whose other
    /// names are all in scope where the statistic is computed.
    /// </summary>
    public static string? TrainingRowsExpression(LeakFinding finding)
    {
        var part = finding.TrainingPart;
        var statistic = finding.Statistic;
        if (part is null || part.CoversParent || part.SplitSource is not { } splitSource || statistic.DataOperand is not { } data
            || statistic.Operation.Syntax is not ExpressionSyntax || data.Syntax is not ExpressionSyntax dataSyntax
            || part.Origin.Syntax is not ExpressionSyntax splitSyntax || splitSource.Syntax is not ExpressionSyntax sourceSyntax
            || !splitSyntax.Span.Contains(sourceSyntax.Span) || !ReferenceEquals(part.Parent?.Canonical, finding.Statistic.Rows.Lifted.Canonical))
            return null;
        if (!IsSimpleData(data))
            return null;
        var statement = statistic.Operation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null)
            return null;
        foreach (var operation in part.Origin.DescendantsAndSelf())
        {
            if (splitSource.Syntax.Span.Contains(operation.Syntax.Span))
                continue;
            switch (operation)
            {
                case ILocalReferenceOperation local when !InScopeBefore(local.Local, statement):
                    return null;
                case IInstanceReferenceOperation:
                case IAnonymousFunctionOperation:
                case IInvalidOperation:
                    return null;
            }
        }
        var start = splitSyntax.SpanStart;
        var text = splitSyntax.ToString();
        var relative = sourceSyntax.SpanStart - start;
        var replacement = NeedsParentheses(dataSyntax) ? "(" + dataSyntax + ")" : dataSyntax.ToString();
        var expression = text.Substring(0, relative) + replacement + text.Substring(relative + sourceSyntax.Span.Length);
        if (part.PieceIndex >= 0)
            expression = expression + "[" + part.PieceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        return expression;
    }

    private static bool IsSimpleData(IOperation data)
    {
        while (true)
        {
            if (data is IConversionOperation conversion)
                data = conversion.Operand;
            else if (data is IParenthesizedOperation parenthesized)
                data = parenthesized.Operand;
            else
                break;
        }
        return data is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation };
    }

    private static bool NeedsParentheses(ExpressionSyntax syntax)
        => syntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax);

    /// <summary>A local declared before <paramref name="statement"/> in a block that contains it.</summary>
    private static bool InScopeBefore(ILocalSymbol local, StatementSyntax statement)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
            return false;
        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration.SyntaxTree != statement.SyntaxTree || declaration.SpanStart >= statement.SpanStart)
            return false;
        SyntaxNode? scope = declaration.FirstAncestorOrSelf<BlockSyntax>();
        if (scope is null && declaration.FirstAncestorOrSelf<GlobalStatementSyntax>() is not null)
            scope = declaration.SyntaxTree.GetRoot();
        return scope is not null && scope.Span.Contains(statement.Span);
    }
}
