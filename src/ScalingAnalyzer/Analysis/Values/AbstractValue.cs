using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>Where a value's numbers come from. Later members win when values are combined.</summary>
internal enum ValueOrigin : byte
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

internal enum ElementKind : byte
{
    Unknown,
    Floating,
    Integer,
}

/// <summary>How a value was brought to unit scale, when it was.</summary>
internal enum ScalingKind : byte
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
internal enum StatisticKind : byte
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
    /// <summary>(x - mean(x))², element by element: averaged or summed it is a variance.</summary>
    SquaredDeviation,
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
/// Immutable; <see cref="Join"/> is the merge at control-flow joins. A record so that a new value is one
/// <c>with { ... }</c> copy however many facts change: the interpreter makes values on every operation of every
/// training method, so a copy per changed fact was most of its cost in a build. Two values are equal only when they
/// are the same object (the facts of a loop's fixed point are compared by <see cref="SameFacts"/>).
/// </summary>
internal sealed record AbstractValue
{
    public static readonly AbstractValue Unknown = new();

    /// <summary>
    /// The facts few values carry (an optimizer, a data file, a callable, columns picked out of a join, ...), kept in a
    /// side object that copies share: most values are made by the interpreter on every operation of every training
    /// method, and without these fields each is about a third smaller. A copy (<c>with</c>) shares its original's side
    /// object until one of these facts is set on it, which gives it its own (<see cref="WritableRare"/>).
    /// </summary>
    private sealed class RareFacts
    {
        public static readonly RareFacts None = new();

        public OptimizerFacts? Optimizer;
        public bool NormalizesInput;
        public bool OutputUnitsResolved;
        public ImmutableArray<string> ElementNames;
        public string? UnscaledPart;
        public IOperation? DataSource;
        public bool PassesValues;
        public IOperation? Callable;
        public DataFiles.DataFileText? FileText;
        public DataFiles.DataFilePath? DataPath;
        public ImmutableArray<DataFiles.DataFilePath> EitherDataPaths;
        public bool JoinedColumns;
        public ImmutableArray<Interval> RowColumns;
        public bool PartlyScaled;
        public INamedTypeSymbol? ObjectType;
        public ImmutableArray<AbstractValue> ColumnBlocks;
        public string? Evidence;
        public ImmutableArray<AbstractValue> Elements;
        public AbstractValue? Element;
        public ImmutableDictionary<ISymbol, AbstractValue>? Members;
        public object? StatisticOf;

        public RareFacts Clone() => (RareFacts)MemberwiseClone();
    }

    private RareFacts _rare = RareFacts.None;

    /// <summary>The value whose initialization made <see cref="_rare"/>, which alone may still write it.</summary>
    private object? _rareOwner;

    private RareFacts WritableRare()
    {
        if (!ReferenceEquals(_rareOwner, this))
        {
            _rare = _rare.Clone();
            _rareOwner = this;
        }
        return _rare;
    }

    public Interval Range { get; init; }

    /// <summary>Per-column ranges of a 2-D value, when known (literal 2-D arrays, cat/stack of columns).</summary>
    public ImmutableArray<Interval> Columns { get; init; }

    /// <summary>Length of the first dimension when constant (mini-batch trip counts).</summary>
    public long? Rows { get => _rows == NoRows ? null : _rows; init => _rows = value ?? NoRows; }

    /// <summary><see cref="Rows"/>, one word rather than a nullable's two.</summary>
    private long _rows = NoRows;
    private const long NoRows = long.MinValue;

    public ValueOrigin Origin { get; init; } = ValueOrigin.Unknown;
    public ElementKind Kind { get; init; }
    public ScalingKind Scaling { get; init; }

    public StatisticKind Statistic { get => _statistic; init => _statistic = value; }

    private StatisticKind _statistic;

    /// <summary>The data a statistic was taken of (compared by reference).</summary>
    public object? StatisticOf { get => _rare.StatisticOf; init { if (!(ReferenceEquals(value, _rare.StatisticOf))) WritableRare().StatisticOf = value; } }

    /// <summary>
    /// Identity of the data this value carries: the same object while only value-keeping operations apply, compared by
    /// reference only. <see cref="Data"/>, <see cref="EmptyCollection"/>, <see cref="Derived"/> and <see cref="Join"/>
    /// use the value they make as the new identity (<see cref="WithOwnIdentity"/>), rather than a new object; a transfer
    /// function that sets one itself (<c>with { Identity = new object() }</c>) may use any object no other data holds.
    /// </summary>
    public object? Identity { get => _identity; init => _identity = value; }

    private object? _identity;

    /// <summary>This value, just made by a copy, as new data: its own identity. Only for a value nothing else has seen yet.</summary>
    private AbstractValue WithOwnIdentity()
    {
        _identity = this;
        return this;
    }

    /// <summary>Ordinal of the analysed method's parameter this value is, unchanged but for value-keeping operations; else -1.</summary>
    public int ParameterOrdinal { get => _parameterOrdinal; init => _parameterOrdinal = value; }

    private int _parameterOrdinal = -1;

    /// <summary>How the data was made, for SCALE004 messages ("'values'").</summary>
    public string? SourceText { get; init; }

    /// <summary>The forward/call invocations whose output flows into this value.</summary>
    public ImmutableArray<IOperation> ForwardCalls { get; init; } = ImmutableArray<IOperation>.Empty;

    /// <summary>The loss invocations whose result flows into this value.</summary>
    public ImmutableArray<IOperation> LossCalls { get; init; } = ImmutableArray<IOperation>.Empty;

    public OptimizerFacts? Optimizer { get => _rare.Optimizer; init { if (!(ReferenceEquals(value, _rare.Optimizer))) WritableRare().Optimizer = value; } }

    /// <summary>A module whose first layer normalizes its input (BatchNorm1d / LayerNorm first in a Sequential).</summary>
    public bool NormalizesInput { get => _rare.NormalizesInput; init { if (!(value == _rare.NormalizesInput)) WritableRare().NormalizesInput = value; } }

    /// <summary>Elements of a tuple value (std_mean, aminmax, a helper's <c>return (x, y)</c>).</summary>
    public ImmutableArray<AbstractValue> Elements { get => _rare.Elements; init { if (!(value == _rare.Elements)) WritableRare().Elements = value; } }

    /// <summary>
    /// Which statistics, fitted scaler or constant transform scaled this value (see <see cref="ScalingSource"/>); for a
    /// statistic or a fitted scaler, the scaling it applies. Null: not scaled, or scaled by something unknown.
    /// </summary>
    public ScalingSource? ScaledWith { get; init; }

    /// <summary>
    /// A module's output that has been mapped back (InverseTransform, arithmetic with the target's statistics) or
    /// already compared: its later uses are not checked against the units the module was trained in.
    /// </summary>
    public bool OutputUnitsResolved { get => _rare.OutputUnitsResolved; init { if (!(value == _rare.OutputUnitsResolved)) WritableRare().OutputUnitsResolved = value; } }

    /// <summary>
    /// The value of every element of a collection whose elements have structure of their own (tuples, objects of a
    /// class, rows): a <c>List&lt;(Tensor, Tensor)&gt;</c>, an iterator yielding <c>(data, label)</c>. A collection of
    /// numbers or tensors needs none: its own range is its elements' range.
    /// </summary>
    public AbstractValue? Element { get => _rare.Element; init { if (!(ReferenceEquals(value, _rare.Element))) WritableRare().Element = value; } }

    /// <summary>The keys of <see cref="Elements"/> when the value is a dictionary of tensors ("data", "label"); default otherwise.</summary>
    public ImmutableArray<string> ElementNames { get => _rare.ElementNames; init { if (!(value == _rare.ElementNames)) WritableRare().ElementNames = value; } }

    /// <summary>
    /// Set on a concatenation whose other blocks are scaled: the raw block this value's range describes
    /// ("column 3 ('ages')"), so a finding names it.
    /// </summary>
    public string? UnscaledPart { get => _rare.UnscaledPart; init { if (!(ReferenceEquals(value, _rare.UnscaledPart))) WritableRare().UnscaledPart = value; } }

    /// <summary>
    /// The expression this data was handed to a dataset as (<c>x</c> in <c>TensorDataset(x, y)</c> or
    /// <c>new MyDataset(x)</c>), kept while only value-keeping operations apply: where a fix can scale it.
    /// </summary>
    public IOperation? DataSource { get => _rare.DataSource; init { if (!(ReferenceEquals(value, _rare.DataSource))) WritableRare().DataSource = value; } }

    /// <summary>A module that hands on its input's values reshaped or masked (Flatten, Unflatten, Identity, Dropout).</summary>
    public bool PassesValues { get => _rare.PassesValues; init { if (!(value == _rare.PassesValues)) WritableRare().PassesValues = value; } }

    /// <summary>The body of the lambda or local function a delegate value runs (optimizer.step(closure)).</summary>
    public IOperation? Callable { get => _rare.Callable; init { if (!(ReferenceEquals(value, _rare.Callable))) WritableRare().Callable = value; } }

    /// <summary>
    /// What the fields (and auto-properties' backing fields) of an object of a class of this compilation hold, as its
    /// constructor and the methods called on it left them; null when the object is not one the analysis built.
    /// </summary>
    public ImmutableDictionary<ISymbol, AbstractValue>? Members { get => _rare.Members; init { if (!(ReferenceEquals(value, _rare.Members))) WritableRare().Members = value; } }

    /// <summary>
    /// Text read from a data file of the project (its lines, a line's fields, one field), while the code's handling of
    /// it is understood: a number parsed from it takes the file's bounds for its column.
    /// </summary>
    public DataFiles.DataFileText? FileText { get => _rare.FileText; init { if (!(ReferenceEquals(value, _rare.FileText))) WritableRare().FileText = value; } }

    /// <summary>
    /// Where a string names a data file of the project, when that is known at compile time (<c>"Data/houses.csv"</c>
    /// handed to a reader's constructor and kept in its field): what <c>File.ReadAllLines(path)</c> reads.
    /// </summary>
    public DataFiles.DataFilePath? DataPath { get => _rare.DataPath; init { if (!(ReferenceEquals(value, _rare.DataPath))) WritableRare().DataPath = value; } }

    /// <summary>
    /// The few data files a string names when which one is decided at run time where it was made (<c>Path.Combine("Data",
    /// region + ".csv")</c> inside <c>foreach (var region in Regions)</c>, handed to a loader): what the callee's
    /// <c>File.ReadAllLines(path)</c> may read. Default when not such a path.
    /// </summary>
    public ImmutableArray<DataFiles.DataFilePath> EitherDataPaths { get => _rare.EitherDataPaths; init { if (!(value == _rare.EitherDataPaths)) WritableRare().EitherDataPaths = value; } }

    /// <summary>
    /// The range joins the bounds of several columns of a data file (<c>parts.Take(11)</c>, <c>parts[j]</c> for j in
    /// 0..3): right for the whole value, but not for some of its columns picked out later (<c>x[.., 3..]</c>,
    /// <c>narrow(1, ...)</c>), whose range is then unknown.
    /// </summary>
    public bool JoinedColumns { get => _rare.JoinedColumns; init { if (!(value == _rare.JoinedColumns)) WritableRare().JoinedColumns = value; } }

    /// <summary>
    /// A flat sequence of rows of this many columns, row after row (<c>table.SelectMany(row =&gt; row)</c> of rows parsed
    /// from a data file), with each column's bound: a tensor made of it with that many columns
    /// (<c>torch.tensor(flat, new long[] { n, 4 })</c>, <c>reshape(-1, 4)</c>) knows its columns.
    /// </summary>
    public ImmutableArray<Interval> RowColumns { get => _rare.RowColumns; init { if (!(value == _rare.RowColumns)) WritableRare().RowColumns = value; } }

    /// <summary>
    /// Joined from a scaled value and one that is not (batches a reader yields raw and through a standardizing
    /// transform): not "data with no scaling step", so a range lost in the join is no suggestion to scale.
    /// </summary>
    public bool PartlyScaled { get => _rare.PartlyScaled; init { if (!(value == _rare.PartlyScaled)) WritableRare().PartlyScaled = value; } }

    /// <summary>The class of an object the analysis saw made (<c>new StationFile(path)</c>), so a virtual call on it runs that class's method.</summary>
    public INamedTypeSymbol? ObjectType { get => _rare.ObjectType; init { if (!(ReferenceEquals(value, _rare.ObjectType))) WritableRare().ObjectType = value; } }

    /// <summary>
    /// Per column of a value joined along dimension 1 (<c>cat</c>/<c>stack</c> of blocks of known widths): the block that
    /// column came from, with that column's range, so picking columns out (<c>narrow(1, ...)</c>, <c>index_select(1, ...)</c>,
    /// <c>x[.., a..b]</c>) judges the blocks picked (scaled or not) rather than the whole. Dropped by anything that
    /// changes the values or the layout.
    /// </summary>
    public ImmutableArray<AbstractValue> ColumnBlocks { get => _rare.ColumnBlocks; init { if (!(value == _rare.ColumnBlocks)) WritableRare().ColumnBlocks = value; } }

    /// <summary>What a known range rests on when it is not the code's own ("column 2 spans [900, 1100] in sensors.csv"), so a finding can say so.</summary>
    public string? Evidence { get => _rare.Evidence; init { if (!(ReferenceEquals(value, _rare.Evidence))) WritableRare().Evidence = value; } }

    /// <summary>A collection known to hold nothing (<c>new List&lt;T&gt;()</c>, <c>new T[] { }</c>): joined with what is added.</summary>
    public bool IsEmptyCollection => Rows == 0;

    public bool IsTrainingRelated => !ForwardCalls.IsEmpty || !LossCalls.IsEmpty;

    public bool Equals(AbstractValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public static AbstractValue Data(Interval range, ValueOrigin origin, ElementKind kind) => new AbstractValue { Range = range, Origin = origin, Kind = kind }.WithOwnIdentity();

    public AbstractValue WithRange(Interval range) => this with { Range = range };
    public AbstractValue WithColumns(ImmutableArray<Interval> columns) => this with { Columns = columns };
    public AbstractValue WithRows(long? rows) => this with { Rows = rows };
    public AbstractValue WithOrigin(ValueOrigin origin) => this with { Origin = origin };
    public AbstractValue WithKind(ElementKind kind) => this with { Kind = kind };
    public AbstractValue WithScaling(ScalingKind scaling) => this with { Scaling = scaling };
    public AbstractValue WithStatistic(StatisticKind kind, object? of) => this with { Statistic = kind, StatisticOf = of };
    public AbstractValue WithParameterOrdinal(int ordinal) => this with { ParameterOrdinal = ordinal };
    public AbstractValue WithSourceText(string? text) => this with { SourceText = text };
    public AbstractValue WithForwardCalls(ImmutableArray<IOperation> calls) => this with { ForwardCalls = calls };
    public AbstractValue WithLossCalls(ImmutableArray<IOperation> calls) => this with { LossCalls = calls };
    public AbstractValue WithOptimizer(OptimizerFacts optimizer) => this with { Optimizer = optimizer };
    public AbstractValue WithNormalizesInput(bool value) => this with { NormalizesInput = value };
    public AbstractValue WithElements(ImmutableArray<AbstractValue> elements) => this with { Elements = elements };

    /// <summary>An empty collection of the given element kind: its range is that of the first element added.</summary>
    public static AbstractValue EmptyCollection(ElementKind kind) => new AbstractValue { Origin = ValueOrigin.Literal, Kind = kind, Rows = 0 }.WithOwnIdentity();

    /// <summary>A new value derived from this one by arithmetic: fresh identity, no statistic, no parameter pass-through.</summary>
    public AbstractValue Derived() => (this with { }).AsDerived();

    /// <summary>
    /// <see cref="Derived"/> applied to the copy a <c>with</c> has just made: <c>(x with { Range = r }).AsDerived()</c> is
    /// <c>x.Derived() with { Range = r }</c> in one copy rather than two, for the operations the interpreter evaluates
    /// most (arithmetic, unmodelled tensor calls). Only on a value nothing else has seen yet, whose <c>with</c> set none
    /// of the facts <see cref="Derived"/> drops (they would be dropped too).
    /// </summary>
    internal AbstractValue AsDerived()
    {
        _statistic = StatisticKind.None;
        _parameterOrdinal = -1;
        var rare = _rare;
        if (!ReferenceEquals(rare, RareFacts.None))
        {
            // Derived keeps these four of the rare facts and drops the rest.
            _rare = !rare.OutputUnitsResolved && !rare.JoinedColumns && !rare.PartlyScaled && rare.Evidence is null
                ? RareFacts.None
                : new RareFacts { OutputUnitsResolved = rare.OutputUnitsResolved, JoinedColumns = rare.JoinedColumns, PartlyScaled = rare.PartlyScaled, Evidence = rare.Evidence };
            _rareOwner = this;
        }
        return WithOwnIdentity();
    }

    public static ValueOrigin CombineOrigins(ValueOrigin a, ValueOrigin b) => a > b ? a : b;

    public static ImmutableArray<IOperation> Union(ImmutableArray<IOperation> a, ImmutableArray<IOperation> b)
    {
        if (a.IsEmpty)
            return b;
        if (b.IsEmpty || a == b)
            return a;
        // Joins in loops meet the same calls again and again: no new array unless b brings one a lacks.
        ImmutableArray<IOperation>.Builder? builder = null;
        foreach (var item in b)
        {
            if (builder is null ? a.IndexOf(item) >= 0 : builder.IndexOf(item) >= 0)
                continue;
            builder ??= a.ToBuilder();
            builder.Add(item);
        }
        return builder?.ToImmutable() ?? a;
    }

    public AbstractValue Join(AbstractValue other)
    {
        if (ReferenceEquals(this, other))
            return this;
        // Nothing joined with something is that something (an empty list, and the list after Add in a loop).
        if (IsEmptyCollection && !other.IsEmptyCollection)
            return other.WithRows(null);
        if (other.IsEmptyCollection && !IsEmptyCollection)
            return WithRows(null);
        var sameStatistic = Statistic == other.Statistic && ReferenceEquals(StatisticOf, other.StatisticOf);
        var sameData = ReferenceEquals(Identity, other.Identity);
        var joined = this with
        {
            Range = Range.Join(other.Range),
            Columns = JoinColumns(Columns, other.Columns),
            Rows = Rows == other.Rows ? Rows : null,
            Origin = CombineOrigins(Origin, other.Origin),
            Kind = Kind == other.Kind ? Kind : ElementKind.Unknown,
            Scaling = Scaling == other.Scaling ? Scaling : ScalingKind.None,
            Statistic = sameStatistic ? Statistic : StatisticKind.None,
            StatisticOf = sameStatistic ? StatisticOf : null,
            ParameterOrdinal = ParameterOrdinal == other.ParameterOrdinal ? ParameterOrdinal : -1,
            SourceText = SourceText ?? other.SourceText,
            ForwardCalls = Union(ForwardCalls, other.ForwardCalls),
            LossCalls = Union(LossCalls, other.LossCalls),
            Optimizer = Optimizer is null ? other.Optimizer : other.Optimizer is null || ReferenceEquals(Optimizer, other.Optimizer) ? Optimizer : JoinOptimizers(Optimizer, other.Optimizer),
            NormalizesInput = NormalizesInput && other.NormalizesInput,
            Elements = SameNames(ElementNames, other.ElementNames) ? JoinElements(Elements, other.Elements) : default,
            Element = Element is not null && other.Element is not null ? Element.Join(other.Element) : null,
            Members = JoinMembers(Members, other.Members),
            ElementNames = SameNames(ElementNames, other.ElementNames) ? ElementNames : default,
            UnscaledPart = UnscaledPart == other.UnscaledPart ? UnscaledPart : null,
            DataSource = ReferenceEquals(DataSource, other.DataSource) ? DataSource : null,
            Callable = ReferenceEquals(Callable, other.Callable) ? Callable : null,
            PassesValues = PassesValues && other.PassesValues,
            ScaledWith = ScalingSource.Join(ScaledWith, other.ScaledWith),
            OutputUnitsResolved = OutputUnitsResolved && other.OutputUnitsResolved,
            FileText = FileText?.Join(other.FileText),
            DataPath = DataPath is not null && other.DataPath is not null && DataPath.SameAs(other.DataPath) ? DataPath : null,
            EitherDataPaths = EitherDataPaths == other.EitherDataPaths ? EitherDataPaths : default,
            Evidence = JoinEvidence(this, other),
            JoinedColumns = JoinedColumns || other.JoinedColumns,
            RowColumns = !RowColumns.IsDefault && !other.RowColumns.IsDefault && RowColumns.Length == other.RowColumns.Length ? JoinColumns(RowColumns, other.RowColumns) : default,
            ColumnBlocks = ColumnBlocks == other.ColumnBlocks ? ColumnBlocks : default,
            ObjectType = SymbolEqualityComparer.Default.Equals(ObjectType, other.ObjectType) ? ObjectType : null,
            PartlyScaled = PartlyScaled || other.PartlyScaled || (Scaling != other.Scaling && (Scaling != ScalingKind.None || other.Scaling != ScalingKind.None)),
        };
        return sameData ? joined : joined.WithOwnIdentity();
    }

    /// <summary>
    /// The evidence of two values joined: the same, or the one that holds the bound when the other is a constant (the
    /// zeros an array started as); two different files or columns say nothing single about the joined bound.
    /// </summary>
    public static string? JoinEvidence(AbstractValue a, AbstractValue b)
    {
        if (a.Evidence == b.Evidence)
            return a.Evidence;
        if (b.Evidence is null && b.Range.IsConstant)
            return a.Evidence;
        if (a.Evidence is null && a.Range.IsConstant)
            return b.Evidence;
        return null;
    }

    private static bool SameNames(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.IsDefault || b.IsDefault)
            return a.IsDefault && b.IsDefault;
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i], b[i], System.StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>The element of a list of tensors (by position) or of a dictionary of tensors (by key); null when not known.</summary>
    public AbstractValue? ElementAt(object? key)
    {
        if (Elements.IsDefault)
            return null;
        if (key is string name)
        {
            if (ElementNames.IsDefault)
                return null;
            var index = ElementNames.IndexOf(name);
            return index >= 0 ? Elements[index] : null;
        }
        if (NumericConstant.ToDouble(key) is double position && ElementNames.IsDefault && position >= 0 && position < Elements.Length && position == System.Math.Floor(position))
            return Elements[(int)position];
        return null;
    }

    private static ImmutableArray<AbstractValue> JoinElements(ImmutableArray<AbstractValue> a, ImmutableArray<AbstractValue> b)
    {
        if (a.IsDefault || b.IsDefault || a.Length != b.Length)
            return default;
        var builder = ImmutableArray.CreateBuilder<AbstractValue>(a.Length);
        for (var i = 0; i < a.Length; i++)
            builder.Add(a[i].Join(b[i]));
        return builder.MoveToImmutable();
    }

    /// <summary>Members known on both sides, joined; a member known on one side only is unknown.</summary>
    private static ImmutableDictionary<ISymbol, AbstractValue>? JoinMembers(ImmutableDictionary<ISymbol, AbstractValue>? a, ImmutableDictionary<ISymbol, AbstractValue>? b)
    {
        if (a is null || b is null)
            return null;
        if (ReferenceEquals(a, b))
            return a;
        var builder = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var pair in a)
        {
            if (b.TryGetValue(pair.Key, out var other))
                builder[pair.Key] = pair.Value.Join(other);
        }
        return builder.ToImmutable();
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
            || NormalizesInput != other.NormalizesInput || Columns.IsDefault != other.Columns.IsDefault
            || Elements.IsDefault != other.Elements.IsDefault || (Element is null) != (other.Element is null)
            || (Members is null) != (other.Members is null)
            || !ScalingSource.SameFacts(ScaledWith, other.ScaledWith) || OutputUnitsResolved != other.OutputUnitsResolved
            || (DataPath is null ? other.DataPath is not null : !DataPath.SameAs(other.DataPath))
            || EitherDataPaths != other.EitherDataPaths)
            return false;
        if (!Elements.IsDefault)
        {
            if (Elements.Length != other.Elements.Length)
                return false;
            for (var i = 0; i < Elements.Length; i++)
            {
                if (!Elements[i].SameFacts(other.Elements[i]))
                    return false;
            }
        }
        if (Element is not null && !Element.SameFacts(other.Element!))
            return false;
        if (Members is not null)
        {
            if (Members.Count != other.Members!.Count)
                return false;
            foreach (var pair in Members)
            {
                if (!other.Members.TryGetValue(pair.Key, out var member) || !pair.Value.SameFacts(member))
                    return false;
            }
        }
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
