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
    public static readonly ColumnNormalizationState Raw = new(ColumnNormalization.NotNormalized, ImmutableDictionary<string, ColumnNormalization>.Empty.WithComparers(StringComparer.Ordinal));
    public static readonly ColumnNormalizationState Unknown = new(ColumnNormalization.Unknown, ImmutableDictionary<string, ColumnNormalization>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, ColumnNormalization> columns;

    private ColumnNormalizationState(ColumnNormalization @default, ImmutableDictionary<string, ColumnNormalization> columns)
    {
        Default = @default;
        this.columns = columns;
    }

    public ColumnNormalization Default { get; }

    public ColumnNormalization this[string column] => columns.TryGetValue(column, out var value) ? value : Default;

    public ColumnNormalizationState With(string column, ColumnNormalization value) => new(Default, columns.SetItem(column, value));

    /// <summary>This state with the columns <paramref name="known"/> marks normalized or within unit scale taken from it.</summary>
    public ColumnNormalizationState RefinedBy(ColumnNormalizationState known)
    {
        var refined = columns;
        foreach (var column in known.columns)
        {
            if (column.Value is ColumnNormalization.Normalized or ColumnNormalization.WithinUnitScale)
                refined = refined.SetItem(column.Key, column.Value);
        }
        return refined == columns ? this : new ColumnNormalizationState(Default, refined);
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
