using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>Where a value's numbers come from. Later members win when values are combined.</summary>
internal enum ValueOrigin
{
    /// <summary>Constants written in the code (literals, literal arrays).</summary>
    Literal,
    /// <summary>TorchSharp generators: rand, randn, linspace, arange, ...</summary>
    Generated,
    /// <summary>.NET data filled at run time: arrays, lists, parsed text, files.</summary>
    RuntimeData,
    /// <summary>A parameter of the analysed method (resolved at the caller, one level deep).</summary>
    Parameter,
    /// <summary>Anything else: fields, properties, calls we do not model.</summary>
    Unknown,
    /// <summary>The output of a module's forward/call: learned features, never raw data.</summary>
    ModuleOutput,
}

internal enum ElementKind
{
    Unknown,
    Floating,
    Integer,
}

/// <summary>How a value was brought to unit scale, when it was.</summary>
internal enum ScalingKind
{
    None,
    Standardized,
    MinMax,
    MaxAbs,
    Normalized,
    RuntimeScaler,
    UserMethod,
}

/// <summary>A value that is a statistic of some data, so that (x - centre(x)) / spread(x) is seen by structure.</summary>
internal enum StatisticKind
{
    None,
    /// <summary>mean, median: a centre.</summary>
    Centre,
    /// <summary>min, amin.</summary>
    Minimum,
    /// <summary>max, amax (of x or of |x|).</summary>
    Maximum,
    /// <summary>std, sqrt(var), max - min: a spread.</summary>
    Spread,
    /// <summary>var: a squared spread.</summary>
    Variance,
    /// <summary>x - centre(x).</summary>
    Centred,
    /// <summary>x - min(x).</summary>
    MinShifted,
}

/// <summary>The optimizer a value holds: whether its steps are about lr in size (adaptive), and its lr when constant.</summary>
internal sealed class OptimizerFacts
{
    public OptimizerFacts(string name, bool isAdaptive, double? learningRate)
    {
        Name = name;
        IsAdaptive = isAdaptive;
        LearningRate = learningRate;
    }

    public string Name { get; }
    public bool IsAdaptive { get; }
    public double? LearningRate { get; }
}

/// <summary>
/// What the analysis knows about one value (tensor, .NET number or array, module, optimizer) at one program point.
/// Immutable; <see cref="Join"/> is the merge at control-flow joins.
/// </summary>
internal sealed class AbstractValue
{
    public static readonly AbstractValue Unknown = new();

    public Interval Range { get; private set; }

    /// <summary>Per-column ranges of a 2-D value, when known (literal 2-D arrays, cat/stack of columns).</summary>
    public ImmutableArray<Interval> Columns { get; private set; }

    /// <summary>Length of the first dimension when constant (mini-batch trip counts).</summary>
    public long? Rows { get; private set; }

    public ValueOrigin Origin { get; private set; } = ValueOrigin.Unknown;
    public ElementKind Kind { get; private set; }
    public ScalingKind Scaling { get; private set; }

    public StatisticKind Statistic { get; private set; }

    /// <summary>The data a statistic was taken of (compared by reference).</summary>
    public object? StatisticOf { get; private set; }

    /// <summary>Identity of the data this value carries: the same object while only value-keeping operations apply.</summary>
    public object? Identity { get; private set; }

    /// <summary>Ordinal of the analysed method's parameter this value is, unchanged but for value-keeping operations; else -1.</summary>
    public int ParameterOrdinal { get; private set; } = -1;

    /// <summary>How the data was made, for SCALE004 messages ("'values'").</summary>
    public string? SourceText { get; private set; }

    /// <summary>The forward/call invocations whose output flows into this value.</summary>
    public ImmutableArray<IOperation> ForwardCalls { get; private set; } = ImmutableArray<IOperation>.Empty;

    /// <summary>The loss invocations whose result flows into this value.</summary>
    public ImmutableArray<IOperation> LossCalls { get; private set; } = ImmutableArray<IOperation>.Empty;

    public OptimizerFacts? Optimizer { get; private set; }

    /// <summary>A module whose first layer normalizes its input (BatchNorm1d / LayerNorm first in a Sequential).</summary>
    public bool NormalizesInput { get; private set; }

    /// <summary>Elements of a tuple value (std_mean, aminmax).</summary>
    public ImmutableArray<AbstractValue> Elements { get; private set; }

    public bool IsTrainingRelated => !ForwardCalls.IsEmpty || !LossCalls.IsEmpty;

    private AbstractValue Copy() => (AbstractValue)MemberwiseClone();

    public static AbstractValue Data(Interval range, ValueOrigin origin, ElementKind kind) => new() { Range = range, Origin = origin, Kind = kind, Identity = new object() };

    public AbstractValue WithRange(Interval range) { var c = Copy(); c.Range = range; return c; }
    public AbstractValue WithColumns(ImmutableArray<Interval> columns) { var c = Copy(); c.Columns = columns; return c; }
    public AbstractValue WithRows(long? rows) { var c = Copy(); c.Rows = rows; return c; }
    public AbstractValue WithOrigin(ValueOrigin origin) { var c = Copy(); c.Origin = origin; return c; }
    public AbstractValue WithKind(ElementKind kind) { var c = Copy(); c.Kind = kind; return c; }
    public AbstractValue WithScaling(ScalingKind scaling) { var c = Copy(); c.Scaling = scaling; return c; }
    public AbstractValue WithStatistic(StatisticKind kind, object? of) { var c = Copy(); c.Statistic = kind; c.StatisticOf = of; return c; }
    public AbstractValue WithParameterOrdinal(int ordinal) { var c = Copy(); c.ParameterOrdinal = ordinal; return c; }
    public AbstractValue WithSourceText(string? text) { var c = Copy(); c.SourceText = text; return c; }
    public AbstractValue WithForwardCalls(ImmutableArray<IOperation> calls) { var c = Copy(); c.ForwardCalls = calls; return c; }
    public AbstractValue WithLossCalls(ImmutableArray<IOperation> calls) { var c = Copy(); c.LossCalls = calls; return c; }
    public AbstractValue WithOptimizer(OptimizerFacts optimizer) { var c = Copy(); c.Optimizer = optimizer; return c; }
    public AbstractValue WithNormalizesInput(bool value) { var c = Copy(); c.NormalizesInput = value; return c; }
    public AbstractValue WithElements(ImmutableArray<AbstractValue> elements) { var c = Copy(); c.Elements = elements; return c; }

    /// <summary>A new value derived from this one by arithmetic: fresh identity, no statistic, no parameter pass-through.</summary>
    public AbstractValue Derived()
    {
        var c = Copy();
        c.Identity = new object();
        c.Statistic = StatisticKind.None;
        c.StatisticOf = null;
        c.ParameterOrdinal = -1;
        c.Optimizer = null;
        c.NormalizesInput = false;
        c.Elements = default;
        return c;
    }

    public static ValueOrigin CombineOrigins(ValueOrigin a, ValueOrigin b) => a > b ? a : b;

    public static ImmutableArray<IOperation> Union(ImmutableArray<IOperation> a, ImmutableArray<IOperation> b)
    {
        if (a.IsEmpty)
            return b;
        if (b.IsEmpty)
            return a;
        var builder = a.ToBuilder();
        foreach (var item in b)
        {
            if (!builder.Contains(item))
                builder.Add(item);
        }
        return builder.ToImmutable();
    }

    public AbstractValue Join(AbstractValue other)
    {
        if (ReferenceEquals(this, other))
            return this;
        var c = Copy();
        c.Range = Range.Join(other.Range);
        c.Columns = JoinColumns(Columns, other.Columns);
        c.Rows = Rows == other.Rows ? Rows : null;
        c.Origin = CombineOrigins(Origin, other.Origin);
        c.Kind = Kind == other.Kind ? Kind : ElementKind.Unknown;
        c.Scaling = Scaling == other.Scaling ? Scaling : ScalingKind.None;
        if (Statistic != other.Statistic || !ReferenceEquals(StatisticOf, other.StatisticOf))
        {
            c.Statistic = StatisticKind.None;
            c.StatisticOf = null;
        }
        c.Identity = ReferenceEquals(Identity, other.Identity) ? Identity : new object();
        c.ParameterOrdinal = ParameterOrdinal == other.ParameterOrdinal ? ParameterOrdinal : -1;
        c.SourceText = SourceText ?? other.SourceText;
        c.ForwardCalls = Union(ForwardCalls, other.ForwardCalls);
        c.LossCalls = Union(LossCalls, other.LossCalls);
        c.Optimizer = Optimizer is null ? other.Optimizer : other.Optimizer is null || ReferenceEquals(Optimizer, other.Optimizer) ? Optimizer : JoinOptimizers(Optimizer, other.Optimizer);
        c.NormalizesInput = NormalizesInput && other.NormalizesInput;
        c.Elements = default;
        return c;
    }

    private static OptimizerFacts JoinOptimizers(OptimizerFacts a, OptimizerFacts b)
        => new(a.Name == b.Name ? a.Name : a.Name + "/" + b.Name, a.IsAdaptive && b.IsAdaptive, a.LearningRate == b.LearningRate ? a.LearningRate : null);

    private static ImmutableArray<Interval> JoinColumns(ImmutableArray<Interval> a, ImmutableArray<Interval> b)
    {
        if (a.IsDefault || b.IsDefault || a.Length != b.Length)
            return default;
        var builder = ImmutableArray.CreateBuilder<Interval>(a.Length);
        for (var i = 0; i < a.Length; i++)
            builder.Add(a[i].Join(b[i]));
        return builder.MoveToImmutable();
    }

    /// <summary>Equal as far as the fixed point of a loop is concerned (identities may differ).</summary>
    public bool SameFacts(AbstractValue other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (!Range.Equals(other.Range) || Origin != other.Origin || Kind != other.Kind || Scaling != other.Scaling
            || Statistic != other.Statistic || ParameterOrdinal != other.ParameterOrdinal || Rows != other.Rows
            || ForwardCalls.Length != other.ForwardCalls.Length || LossCalls.Length != other.LossCalls.Length
            || NormalizesInput != other.NormalizesInput || Columns.IsDefault != other.Columns.IsDefault)
            return false;
        if (!Columns.IsDefault)
        {
            if (Columns.Length != other.Columns.Length)
                return false;
            for (var i = 0; i < Columns.Length; i++)
            {
                if (!Columns[i].Equals(other.Columns[i]))
                    return false;
            }
        }
        return true;
    }
}
