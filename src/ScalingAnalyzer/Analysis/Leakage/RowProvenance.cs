using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>
/// A set of data rows: the rows a source made (a parameter, a file read, a generator, a field), or a part split off
/// another set (<see cref="Parent"/>). Values that keep their rows (arithmetic, dtype changes, column selection,
/// scaling) share the object, so "the test part of the rows the mean was taken over" is a walk up the parents.
/// </summary>
internal sealed class RowSet
{
    public RowSet(IOperation origin, RowSet? parent, IOperation? splitSource, bool coversParent, int parameterOrdinal = -1)
    {
        Origin = origin;
        Parent = parent;
        SplitSource = splitSource;
        CoversParent = coversParent;
        ParameterOrdinal = parameterOrdinal;
    }

    /// <summary>The operation that made the rows: a source, or the split that took them off <see cref="Parent"/>.</summary>
    public IOperation Origin { get; }

    /// <summary>The rows these were split off; set after the walk for rows copied element by element into arrays.</summary>
    public RowSet? Parent { get; set; }

    /// <summary>The same rows under another name (an array filled row by row from one other array).</summary>
    public RowSet? SameAs { get; set; }

    /// <summary>The split's data operand (<c>Xs</c> in <c>Xs[..800]</c>), when the part was made by one expression.</summary>
    public IOperation? SplitSource { get; }

    /// <summary>
    /// A part taken inside a loop (a mini-batch, a fold): it stands for its parent, since the loop's parts together
    /// cover it. Using one uses the parent.
    /// </summary>
    public bool CoversParent { get; }

    /// <summary>For a method summary: the ordinal of the parameter whose rows these are, else -1.</summary>
    public int ParameterOrdinal { get; }

    /// <summary>For a piece of split/chunk: its index in the array of pieces, else -1.</summary>
    public int PieceIndex { get; set; } = -1;

    /// <summary>The first local that held these rows, for messages.</summary>
    public string? Name { get; set; }

    /// <summary>Rows copied element by element into this array or list, from these row sets.</summary>
    public List<RowSet>? CopiedFrom { get; set; }

    public RowSet Canonical
    {
        get
        {
            var current = this;
            for (var guard = 0; current.SameAs is { } same && guard < 64; guard++)
                current = same;
            return current;
        }
    }

    /// <summary>The rows a use of this set stands for: itself, or the parent a loop's parts cover.</summary>
    public RowSet Lifted
    {
        get
        {
            var current = Canonical;
            for (var guard = 0; current.CoversParent && current.Parent is { } parent && guard < 64; guard++)
                current = parent.Canonical;
            return current;
        }
    }

    /// <summary>These rows are <paramref name="other"/> or a part of it (at any depth).</summary>
    public bool IsWithin(RowSet other)
    {
        var target = other.Canonical;
        var current = Canonical;
        for (var guard = 0; guard < 64; guard++)
        {
            if (ReferenceEquals(current, target))
                return true;
            if (current.Parent is not { } parent)
                return false;
            current = parent.Canonical;
        }
        return false;
    }

    /// <summary>The root these rows come from (a parameter's rows in a summary).</summary>
    public RowSet Root
    {
        get
        {
            var current = Canonical;
            for (var guard = 0; current.Parent is { } parent && guard < 64; guard++)
                current = parent.Canonical;
            return current;
        }
    }

    /// <summary>The part of <paramref name="ancestor"/> these rows lie in: its child on the way down to these rows.</summary>
    public RowSet? ChildOnPathFrom(RowSet ancestor)
    {
        var target = ancestor.Canonical;
        var current = Canonical;
        for (var guard = 0; guard < 64; guard++)
        {
            if (current.Parent is not { } parent)
                return null;
            if (ReferenceEquals(parent.Canonical, target))
                return current;
            current = parent.Canonical;
        }
        return null;
    }
}

/// <summary>A statistic of data rows: a mean, spread, minimum or maximum, a sum accumulated in a loop, or a fitted scaler.</summary>
internal sealed class StatisticSite
{
    public StatisticSite(IOperation operation, RowSet rows, IOperation? dataOperand, string description)
    {
        Operation = operation;
        Rows = rows;
        DataOperand = dataOperand;
        Description = description;
    }

    public IOperation Operation { get; }
    public RowSet Rows { get; }

    /// <summary>The expression the statistic reads (<c>X</c> in <c>X.mean(0)</c>), which a fix may replace by the training rows.</summary>
    public IOperation? DataOperand { get; }

    /// <summary>As the message names it: "X.mean(0)", "StandardScaler.Fit(X)".</summary>
    public string Description { get; }
}

/// <summary>What the leakage analysis knows about one value: its rows, the statistics it was computed with, the model calls it carries.</summary>
internal sealed class LeakValue
{
    public static readonly LeakValue None = new(null, ImmutableHashSet<StatisticSite>.Empty, ImmutableHashSet<IOperation>.Empty, default);

    public LeakValue(RowSet? rows, ImmutableHashSet<StatisticSite> statistics, ImmutableHashSet<IOperation> modelCalls, ImmutableArray<LeakValue> parts)
    {
        Rows = rows;
        Statistics = statistics;
        ModelCalls = modelCalls;
        Parts = parts;
    }

    public RowSet? Rows { get; }

    /// <summary>Statistics that went into this value (the scaling it went through, or the statistic itself).</summary>
    public ImmutableHashSet<StatisticSite> Statistics { get; }

    /// <summary>Forward and loss calls whose output flows into this value (a backward() on it makes them training).</summary>
    public ImmutableHashSet<IOperation> ModelCalls { get; }

    /// <summary>Elements of a tuple or of an array of tensors (split, chunk).</summary>
    public ImmutableArray<LeakValue> Parts { get; }

    public static LeakValue OfRows(RowSet? rows) => rows is null ? None : new(rows, ImmutableHashSet<StatisticSite>.Empty, ImmutableHashSet<IOperation>.Empty, default);

    public LeakValue WithRows(RowSet? rows) => ReferenceEquals(rows, Rows) ? this : new(rows, Statistics, ModelCalls, Parts);

    public LeakValue WithStatistics(ImmutableHashSet<StatisticSite> statistics) => new(Rows, statistics, ModelCalls, Parts);

    public LeakValue WithModelCalls(ImmutableHashSet<IOperation> calls) => new(Rows, Statistics, calls, Parts);

    public LeakValue WithParts(ImmutableArray<LeakValue> parts) => new(Rows, Statistics, ModelCalls, parts);

    /// <summary>Rows of the first operand that has some (the data, not the statistic), everything else united.</summary>
    public static LeakValue Combine(LeakValue a, LeakValue b)
    {
        if (ReferenceEquals(a, None))
            return b.Rows is null && b.Parts.IsDefault ? b : new(b.Rows, b.Statistics, b.ModelCalls, default);
        if (ReferenceEquals(b, None))
            return a.Parts.IsDefault ? a : new(a.Rows, a.Statistics, a.ModelCalls, default);
        return new(a.Rows ?? b.Rows, a.Statistics.Union(b.Statistics), a.ModelCalls.Union(b.ModelCalls), default);
    }

    /// <summary>The two values of a branch: rows only when both agree.</summary>
    public static LeakValue Join(LeakValue a, LeakValue b)
    {
        if (ReferenceEquals(a, b))
            return a;
        var rows = a.Rows is null ? b.Rows : b.Rows is null || ReferenceEquals(a.Rows.Canonical, b.Rows.Canonical) ? a.Rows : null;
        return new(rows, a.Statistics.Union(b.Statistics), a.ModelCalls.Union(b.ModelCalls), default);
    }
}

/// <summary>Data reaching a model: a forward's input, a loss's arguments, or a helper's parameter that does either.</summary>
internal sealed class DataUse
{
    public DataUse(IOperation call, IOperation argument, LeakValue value, UseKind kind)
    {
        Call = call;
        Argument = argument;
        Value = value;
        Kind = kind;
    }

    /// <summary>The forward or loss call (training when a backward() reaches it), or the helper call.</summary>
    public IOperation Call { get; }
    public IOperation Argument { get; }
    public LeakValue Value { get; set; }
    public UseKind Kind { get; }
}

internal enum UseKind
{
    /// <summary>A module forward/call or a loss: training when backward() reaches it, evaluation otherwise.</summary>
    ModelCall,
    /// <summary>A helper's parameter that reaches training.</summary>
    HelperTraining,
    /// <summary>A helper's parameter that reaches evaluation.</summary>
    HelperEvaluation,
}
