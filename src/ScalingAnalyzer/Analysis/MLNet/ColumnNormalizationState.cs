using System;
using System.Collections.Immutable;

namespace ScalingAnalyzer.Analysis.MLNet;

internal enum ColumnNormalization
{
    NotNormalized,
    Normalized,

    /// <summary>The analysis cannot tell (a stage it does not understand, a column name only known at run time).</summary>
    Unknown,

    /// <summary>
    /// Not marked normalized, but every value is a literal in the code within the feature-magnitude threshold
    /// (<see cref="LiteralRows"/>): nothing for a normalizer to fix.
    /// </summary>
    WithinUnitScale,
}

/// <summary>
/// ML.NET's IsNormalized mark of every column at one point of a pipeline. Columns never written by a stage seen
/// here take <see cref="Default"/>: not normalized for raw data, unknown after a stage the analysis cannot read.
/// </summary>
internal sealed class ColumnNormalizationState
{
    private static readonly ImmutableDictionary<string, ColumnEvidence> NoEvidence = ImmutableDictionary<string, ColumnEvidence>.Empty.WithComparers(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, Mark> NoMarks = ImmutableDictionary<string, Mark>.Empty.WithComparers(StringComparer.Ordinal);

    public static readonly ColumnNormalizationState Raw = new(ColumnNormalization.NotNormalized, NoMarks, NoEvidence);
    public static readonly ColumnNormalizationState Unknown = new(ColumnNormalization.Unknown, NoMarks, NoEvidence);

    /// <summary>
    /// Rows of a file named only at run time (<c>LoadFromTextFile(args[1], ...)</c>): nothing is known of any column, and
    /// a pipeline fit on them does not take its input for raw either (see <see cref="IsOfRunTimeFile"/>).
    /// </summary>
    public static readonly ColumnNormalizationState RunTimeFile = new(ColumnNormalization.Unknown, NoMarks, NoEvidence, isOfRunTimeFile: true);

    private readonly ImmutableDictionary<string, Mark> columns;

    /// <summary>What a data file says of a column's values (kept while the column's values are the file's).</summary>
    private readonly ImmutableDictionary<string, ColumnEvidence> evidence;

    private ColumnNormalizationState(
        ColumnNormalization @default, ImmutableDictionary<string, Mark> columns, ImmutableDictionary<string, ColumnEvidence> evidence, bool isOfRunTimeFile = false)
    {
        Default = @default;
        this.columns = columns;
        this.evidence = evidence;
        IsOfRunTimeFile = isOfRunTimeFile;
    }

    public ColumnNormalization Default { get; }

    /// <summary>
    /// The rows are those of a file only named at run time, through whatever transforms wrote some columns since: a
    /// chain fit on them reads columns nothing is known of, where a chain's input is otherwise taken for raw text.
    /// </summary>
    public bool IsOfRunTimeFile { get; }

    public ColumnNormalization this[string column] => columns.TryGetValue(column, out var value) ? value.Value : Default;

    /// <summary>The file evidence of a column's values, or null.</summary>
    public ColumnEvidence? EvidenceOf(string column) => evidence.TryGetValue(column, out var value) ? value : null;

    /// <summary>The column written anew: its mark, and the evidence of its values when they are still a file's (a copy, a concatenation).</summary>
    public ColumnNormalizationState With(string column, ColumnNormalization value, ColumnEvidence? columnEvidence = null)
        => new(Default, columns.SetItem(column, Mark.Of(value)), columnEvidence is null ? evidence.Remove(column) : evidence.SetItem(column, columnEvidence), IsOfRunTimeFile);

    /// <summary>
    /// The evidence to cite for a concatenation of <paramref name="inputs"/>: of the unnormalized inputs that have some,
    /// the one farthest from unit scale (the first, on a tie), since it is the column that makes the case.
    /// </summary>
    public ColumnEvidence? EvidenceOfAll(ImmutableArray<string> inputs)
    {
        if (inputs.IsDefaultOrEmpty)
            return null;
        ColumnEvidence? largest = null;
        foreach (var input in inputs)
        {
            if (this[input] == ColumnNormalization.NotNormalized && EvidenceOf(input) is { } found
                && (largest is null || found.Magnitude > largest.Magnitude))
                largest = found;
        }
        return largest;
    }

    /// <summary>
    /// This state with the columns <paramref name="known"/> marks normalized, within unit scale or unknown taken from
    /// it, and the file evidence of the columns it knows.
    /// </summary>
    public ColumnNormalizationState RefinedBy(ColumnNormalizationState known)
    {
        var refined = columns;
        var refinedEvidence = evidence;
        foreach (var column in known.columns)
        {
            // A column the view marks unknown (written by a stage or a loop the analysis cannot read) is unknown here too.
            if (column.Value.Value is ColumnNormalization.Normalized or ColumnNormalization.WithinUnitScale or ColumnNormalization.Unknown)
                refined = refined.SetItem(column.Key, column.Value);
        }
        foreach (var item in known.evidence)
        {
            if (this[item.Key] == ColumnNormalization.NotNormalized || known[item.Key] != ColumnNormalization.NotNormalized)
                refinedEvidence = refinedEvidence.SetItem(item.Key, item.Value);
        }
        return refined == columns && refinedEvidence == evidence ? this : new ColumnNormalizationState(Default, refined, refinedEvidence, IsOfRunTimeFile);
    }

    /// <summary>
    /// What holds on every one of several paths (the returns of a helper, the callers of a method): a column keeps its
    /// mark when every path agrees; normalized on some paths and within unit scale on others is within unit scale;
    /// any other disagreement, or a path that is unknown, is unknown.
    /// </summary>
    public static ColumnNormalizationState Join(ColumnNormalizationState a, ColumnNormalizationState b)
    {
        if (ReferenceEquals(a, b))
            return a;
        if (a.Default != b.Default)
            return Unknown;
        var joined = a.columns;
        var joinedEvidence = a.evidence;
        foreach (var column in a.columns.Keys)
        {
            if (!b.columns.ContainsKey(column))
                joined = joined.SetItem(column, Mark.Of(JoinMarks(a[column], b.Default)));
        }
        foreach (var column in b.columns)
        {
            joined = joined.SetItem(column.Key, Mark.Of(JoinMarks(a[column.Key], column.Value.Value)));
            if (!joinedEvidence.ContainsKey(column.Key) && b.EvidenceOf(column.Key) is { } evidence)
                joinedEvidence = joinedEvidence.SetItem(column.Key, evidence);
        }
        return new ColumnNormalizationState(a.Default, joined, joinedEvidence, a.IsOfRunTimeFile && b.IsOfRunTimeFile);
    }

    private static ColumnNormalization JoinMarks(ColumnNormalization a, ColumnNormalization b)
    {
        if (a == b)
            return a;
        if (a is ColumnNormalization.Normalized or ColumnNormalization.WithinUnitScale && b is ColumnNormalization.Normalized or ColumnNormalization.WithinUnitScale)
            return ColumnNormalization.WithinUnitScale;
        return ColumnNormalization.Unknown;
    }

    /// <summary>
    /// A column's mark as an object: the map of marks then has reference-typed values, whose code the runtime shares
    /// with the maps it has already compiled. A map of the enum itself is a generic instantiation of its own, and a
    /// fresh compiler process JIT-compiled about a hundred methods of ImmutableDictionary for it (counted with
    /// DOTNET_JitStdOutFile in a cold build of the ML.NET docs samples; ReadyToRun code cannot hold them).
    /// </summary>
    private sealed class Mark
    {
        private static readonly Mark[] All = { new(ColumnNormalization.NotNormalized), new(ColumnNormalization.Normalized), new(ColumnNormalization.Unknown), new(ColumnNormalization.WithinUnitScale) };

        private Mark(ColumnNormalization value) => Value = value;

        public ColumnNormalization Value { get; }

        public static Mark Of(ColumnNormalization value) => All[(int)value];
    }

    /// <summary>
    /// ML.NET's Concatenate: the output is normalized only when every input is; when some inputs are only within unit
    /// scale, so is the output.
    /// </summary>
    public ColumnNormalization AllOf(ImmutableArray<string> inputs)
    {
        if (inputs.IsDefaultOrEmpty)
            return ColumnNormalization.Unknown;
        var result = ColumnNormalization.Normalized;
        foreach (var input in inputs)
        {
            var value = this[input];
            if (value == ColumnNormalization.NotNormalized)
                return ColumnNormalization.NotNormalized;
            if (value == ColumnNormalization.Unknown)
                result = ColumnNormalization.Unknown;
            else if (value == ColumnNormalization.WithinUnitScale && result == ColumnNormalization.Normalized)
                result = ColumnNormalization.WithinUnitScale;
        }
        return result;
    }
}

/// <summary>
/// Where a column's values were seen and their bounds, for the message: "column 'Pressure' spans [900, 1100] in
/// sensors.csv", "column 'Size' spans [500, 5000] in the rows GenerateHouses makes".
/// </summary>
internal sealed class ColumnEvidence
{
    public ColumnEvidence(string column, double min, double max, string source, string? loadedAs = null)
    {
        Column = column;
        Min = min;
        Max = max;
        Source = source;
        LoadedAs = loadedAs is not null && !string.Equals(loadedAs, column, StringComparison.OrdinalIgnoreCase) ? loadedAs : null;
    }

    /// <summary>The file's header name of the column, or the ML.NET column the code loads it into.</summary>
    public string Column { get; }

    /// <summary>
    /// The ML.NET column (the row class's member, a <c>TextLoader.Column</c>'s name) the code loads a file column into,
    /// when the file's header calls it something else (<c>total sulfur dioxide</c> read as <c>TotalSulfurDioxide</c>); null otherwise.
    /// </summary>
    public string? LoadedAs { get; }
    public double Min { get; }
    public double Max { get; }

    /// <summary>The largest absolute value the column takes.</summary>
    public double Magnitude => Math.Max(Math.Abs(Min), Math.Abs(Max));

    /// <summary>"in sensors.csv", "in sensors.csv (first 100000 rows)", "in the rows GenerateHouses makes".</summary>
    public string Source { get; }

    public static string InFile(string fileName, int rows, bool complete)
        => "in " + fileName + (complete ? "" : " (first " + rows.ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows)");

    public override string ToString()
        => "column '" + Column + "'" + (LoadedAs is null ? "" : " (loaded as '" + LoadedAs + "')")
           + " spans [" + NumberText.Round(Min) + ", " + NumberText.Round(Max) + "] " + Source;
}
