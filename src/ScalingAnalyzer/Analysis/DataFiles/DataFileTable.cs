using System;
using System.Collections.Immutable;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>The values of one file column seen in the rows read: numeric bounds, or unknown.</summary>
internal readonly struct ColumnRange
{
    public ColumnRange(double min, double max, int count)
    {
        Min = min;
        Max = max;
        Count = count;
    }

    public double Min { get; }
    public double Max { get; }

    /// <summary>Numeric values seen (missing values, written empty, "?" or "NaN", are not counted).</summary>
    public int Count { get; }

    public double Magnitude => Math.Max(Math.Abs(Min), Math.Abs(Max));

    public ColumnRange Join(ColumnRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max), Count + other.Count);
}

/// <summary>
/// What a bounded read of a text data file found: per column, the numeric bounds of the rows read and whether any
/// value was not a number. A file that could not be read as text (missing, empty, binary) is <see cref="Unknown"/>.
/// </summary>
internal sealed class DataFileTable
{
    public static readonly DataFileTable Unknown = new(
        ImmutableArray<string?>.Empty, ImmutableArray<double>.Empty, ImmutableArray<double>.Empty, ImmutableArray<int>.Empty,
        ImmutableArray<bool>.Empty, rows: 0, complete: false);

    private readonly ImmutableArray<double> minimums;
    private readonly ImmutableArray<double> maximums;
    private readonly ImmutableArray<int> counts;
    private readonly ImmutableArray<bool> nonNumeric;

    public DataFileTable(
        ImmutableArray<string?> headers, ImmutableArray<double> minimums, ImmutableArray<double> maximums, ImmutableArray<int> counts,
        ImmutableArray<bool> nonNumeric, int rows, bool complete, bool hasEmptyFields = false)
    {
        HasEmptyFields = hasEmptyFields;
        Headers = headers;
        this.minimums = minimums;
        this.maximums = maximums;
        this.counts = counts;
        this.nonNumeric = nonNumeric;
        Rows = rows;
        IsComplete = complete;
    }

    /// <summary>Names from the header row, when the code says the file has one; null entries where a name is missing.</summary>
    public ImmutableArray<string?> Headers { get; }

    /// <summary>Data rows read (the header excluded).</summary>
    public int Rows { get; }

    /// <summary>The whole file was read; otherwise the bounds are those of its first <see cref="Rows"/> rows.</summary>
    public bool IsComplete { get; }

    public bool IsKnown => Rows > 0;

    /// <summary>Some row read has an empty field ("1,,3", a trailing separator): splitting that drops empty fields shifts its columns.</summary>
    public bool HasEmptyFields { get; }

    public int ColumnCount => counts.Length;

    /// <summary>The bounds of one column (0-based, as ML.NET's LoadColumn counts); null when it holds a value that is not a number, no number at all, or is not in the file.</summary>
    public ColumnRange? Range(int column)
    {
        if (column < 0 || column >= counts.Length || nonNumeric[column] || counts[column] == 0)
            return null;
        return new ColumnRange(minimums[column], maximums[column], counts[column]);
    }

    /// <summary>The joined bounds of columns <paramref name="first"/>..<paramref name="last"/> (a vector column); null when any of them is unknown.</summary>
    public ColumnRange? Range(int first, int last)
    {
        if (first < 0 || last < first || last >= counts.Length)
            return null;
        ColumnRange? joined = null;
        for (var column = first; column <= last; column++)
        {
            if (Range(column) is not { } range)
                return null;
            joined = joined is { } sofar ? sofar.Join(range) : range;
        }
        return joined;
    }

    /// <summary>The same rows, known to be only the first rows of the data (a prefix copy of a larger file).</summary>
    public DataFileTable AsPart()
        => new(Headers, minimums, maximums, counts, nonNumeric, Rows, complete: false, HasEmptyFields);

    public string? HeaderOf(int column) => column >= 0 && column < Headers.Length ? Headers[column] : null;
}
