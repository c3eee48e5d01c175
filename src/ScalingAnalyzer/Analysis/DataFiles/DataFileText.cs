using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// Text that .NET code read from a data file of the project, as far as the code's own line handling is understood:
/// the file's lines (<c>File.ReadAllLines(path)</c>, <c>File.ReadLines(path).Skip(1)</c>, a <c>StreamReader</c>'s
/// <c>ReadLine()</c>), the fields of one line (<c>line.Split(',')</c>), or one field taken from a known range of
/// columns (<c>parts[2]</c>; <c>parts[j]</c> in <c>for (j = 0; j &lt; 4; j++)</c>; an element of
/// <c>parts.Take(11)</c>). A number parsed from it takes the bounds the file shows for those columns
/// (<see cref="ColumnOf"/>); anything the code does that is not modelled drops it (unknown, as without the file).
/// </summary>
internal sealed class DataFileText
{
    private enum TextKind
    {
        WholeText,
        Lines,
        Fields,
        Field,
    }

    private DataFileText(ProjectDataFiles files, AdditionalText file, int skippedLines, TextKind kind, string? separators, bool dropsEmptyFields, int first, int last, ImmutableArray<AdditionalText> others = default)
    {
        Files = files;
        File = file;
        Others = others.IsDefault ? ImmutableArray<AdditionalText>.Empty : others;
        SkippedLines = skippedLines;
        Kind = kind;
        Separators = separators;
        DropsEmptyFields = dropsEmptyFields;
        First = first;
        Last = last;
    }

    public ProjectDataFiles Files { get; }
    public AdditionalText File { get; }

    /// <summary>
    /// The other files the same code may read (<c>var path = train ? "a.csv" : "b.csv"</c>, a loop over an array of
    /// paths): a number parsed from it is bounded by every one of them, joined; empty for one file.
    /// </summary>
    public ImmutableArray<AdditionalText> Others { get; }

    /// <summary>Lines skipped at the start (<c>.Skip(1)</c>, a header <c>ReadLine()</c>): at least this many.</summary>
    public int SkippedLines { get; }

    private TextKind Kind { get; }

    /// <summary>The separator characters the lines were split on; null while this is a whole line.</summary>
    public string? Separators { get; }

    /// <summary>The split dropped empty fields (<c>StringSplitOptions.RemoveEmptyEntries</c>).</summary>
    public bool DropsEmptyFields { get; }

    /// <summary>The first column the fields or field may come from (0-based).</summary>
    public int First { get; }

    /// <summary>The last column they may come from; -1 for "to the end of the row".</summary>
    public int Last { get; }

    public bool IsLines => Kind == TextKind.Lines;
    public bool IsWholeText => Kind == TextKind.WholeText;

    /// <summary>One field (or a number parsed from one) out of a known run of columns.</summary>
    public bool IsField => Kind == TextKind.Field;

    /// <summary>The run of columns a field may come from, as the fields of a row (to take positions of a row parsed whole).</summary>
    public DataFileText AsFields() => new(Files, File, SkippedLines, TextKind.Fields, Separators, DropsEmptyFields, First, Last, Others);
    public bool IsFields => Kind == TextKind.Fields;

    public static DataFileText Lines(ProjectDataFiles files, AdditionalText file) => new(files, file, 0, TextKind.Lines, null, false, 0, -1);

    /// <summary>The lines of one of several files, which one decided at run time.</summary>
    public static DataFileText LinesOfEither(ProjectDataFiles files, ImmutableArray<AdditionalText> either)
        => new(files, either[0], 0, TextKind.Lines, null, false, 0, -1, either.RemoveAt(0));

    /// <summary>The file's text in one string (<c>File.ReadAllText</c>, <c>reader.ReadToEnd()</c>).</summary>
    public DataFileText AsWholeText() => new(Files, File, 0, TextKind.WholeText, null, false, 0, -1, Others);

    /// <summary>The whole text split at its line ends.</summary>
    public DataFileText AsLines() => new(Files, File, SkippedLines, TextKind.Lines, null, false, 0, -1, Others);

    public DataFileText Skipping(int lines) => new(Files, File, SkippedLines + lines, Kind, Separators, DropsEmptyFields, First, Last, Others);

    public DataFileText SplitOn(string separators, bool dropsEmptyFields) => new(Files, File, SkippedLines, TextKind.Fields, separators, dropsEmptyFields, 0, -1, Others);

    /// <summary>The field at column <paramref name="column"/> of these fields (<c>parts[2]</c>, relative to a <c>Skip</c>).</summary>
    public DataFileText Field(int column) => FieldIn(column, column);

    /// <summary>
    /// A field whose index lies in [<paramref name="low"/>, <paramref name="high"/>] of these fields (<paramref name="high"/>
    /// -1: anywhere to the end); the columns are counted from the first column these fields start at.
    /// </summary>
    public DataFileText FieldIn(int low, int high)
    {
        var first = First + low;
        var last = high < 0 ? Last : First + high;
        if (Last >= 0 && (last < 0 || last > Last))
            last = Last;
        return new(Files, File, SkippedLines, TextKind.Field, Separators, DropsEmptyFields, first, last, Others);
    }

    /// <summary>Any field of these fields (an element of the split line, <c>parts.Select(float.Parse)</c>).</summary>
    public DataFileText AnyField() => new(Files, File, SkippedLines, TextKind.Field, Separators, DropsEmptyFields, First, Last, Others);

    /// <summary>The fields from index <paramref name="skip"/> on, at most <paramref name="take"/> of them (-1: all): <c>parts.Skip(1).Take(4)</c>.</summary>
    public DataFileText Slice(int skip, int take)
    {
        var first = First + skip;
        var last = take < 0 ? Last : first + take - 1;
        if (Last >= 0 && (last < 0 || last > Last))
            last = Last;
        return new(Files, File, SkippedLines, TextKind.Fields, Separators, DropsEmptyFields, first, last, Others);
    }

    /// <summary>
    /// The bounds of the columns a number parsed from this text comes from, with the words that say so ("column 2
    /// spans [900, 1100] in sensors.csv"); null when the file, the skip or the columns are not understood. A file read
    /// only in part (the read limits) gives the bounds of the rows read, and says so ("in readings.csv (first 10
    /// rows)"): values beyond the threshold there are proof, values within it are the best evidence there is.
    /// </summary>
    /// <param name="limits">How much of a file is read.</param>
    /// <param name="cancellationToken">The analysis' cancellation.</param>
    /// <param name="decimalMarker">The decimal separator of the culture the code parses with ('.' unless it names one, such as <c>de-DE</c>'s ',').</param>
    public (double Min, double Max, string Evidence, int Columns)? ColumnOf(DataFileLimits limits, CancellationToken cancellationToken, char decimalMarker = '.')
    {
        if (SkippedLines > 1 || Kind is TextKind.Fields or TextKind.WholeText)
            return null;
        if (ColumnIn(File, limits, cancellationToken, decimalMarker) is not { } bound)
            return null;
        var (min, max, first, last, place) = bound;
        // Several files the code may read: each must show the same columns; their bounds are joined.
        foreach (var other in Others)
        {
            if (ColumnIn(other, limits, cancellationToken, decimalMarker) is not { } more || more.First != first || more.Last != last)
                return null;
            min = Math.Min(min, more.Min);
            max = Math.Max(max, more.Max);
            place += " and " + more.Place;
        }
        var columns = first == last
            ? "column " + first.ToString(CultureInfo.InvariantCulture) + " spans"
            : "columns " + first.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString(CultureInfo.InvariantCulture) + " span";
        var evidence = columns + " [" + NumberText.Round(min) + ", " + NumberText.Round(max) + "] in " + place;
        return (min, max, evidence, last - first + 1);
    }

    /// <summary>The bounds one file shows for the columns this text comes from, and how to name where they were read.</summary>
    private (double Min, double Max, int First, int Last, string Place)? ColumnIn(AdditionalText file, DataFileLimits limits, CancellationToken cancellationToken, char decimalMarker)
    {
        // A field separator that is also the decimal marker would split every number: not a file read this way.
        if (decimalMarker != '.' && (Separators ?? "\t").IndexOf(decimalMarker) >= 0)
            return null;
        var format = new DataFileFormat(Separators ?? "\t", hasHeader: SkippedLines == 1, allowQuoting: false, decimalMarker);
        var table = Files.Read(file, format, limits, cancellationToken);
        if (!table.IsKnown || (DropsEmptyFields && table.HasEmptyFields))
            return null;
        int first, last;
        if (Kind == TextKind.Lines)
        {
            // A whole line parsed as one number: the file must have one column.
            if (table.ColumnCount != 1)
                return null;
            first = last = 0;
        }
        else
        {
            first = First;
            last = Last < 0 ? table.ColumnCount - 1 : Last;
        }
        if (table.Range(first, last) is not { } range)
            return null;
        var place = (table.IsComplete ? "" : "the first " + table.Rows.ToString(CultureInfo.InvariantCulture) + " rows of ") + ProjectDataFiles.DisplayName(file);
        return (range.Min, range.Max, first, last, place);
    }

    /// <summary>
    /// Each column's bounds, in order, for numbers parsed from a known run of columns (a row parsed whole); default when
    /// any of them is not known or the run is wider than <paramref name="maxColumns"/>.
    /// </summary>
    public ImmutableArray<Interval> ColumnRanges(DataFileLimits limits, int maxColumns, CancellationToken cancellationToken)
    {
        if (Kind != TextKind.Field || SkippedLines > 1)
            return default;
        var ranges = ColumnRangesIn(File, limits, maxColumns, cancellationToken);
        foreach (var other in Others)
        {
            var more = ColumnRangesIn(other, limits, maxColumns, cancellationToken);
            if (ranges.IsDefault || more.IsDefault || more.Length != ranges.Length)
                return default;
            var joined = ImmutableArray.CreateBuilder<Interval>(ranges.Length);
            for (var k = 0; k < ranges.Length; k++)
                joined.Add(ranges[k].Join(more[k]));
            ranges = joined.MoveToImmutable();
        }
        return ranges;
    }

    private ImmutableArray<Interval> ColumnRangesIn(AdditionalText file, DataFileLimits limits, int maxColumns, CancellationToken cancellationToken)
    {
        var table = Files.Read(file, new DataFileFormat(Separators ?? "\t", hasHeader: SkippedLines == 1, allowQuoting: false), limits, cancellationToken);
        if (!table.IsKnown || (DropsEmptyFields && table.HasEmptyFields))
            return default;
        var last = Last < 0 ? table.ColumnCount - 1 : Last;
        if (last < First || last - First + 1 > maxColumns)
            return default;
        var builder = ImmutableArray.CreateBuilder<Interval>(last - First + 1);
        for (var column = First; column <= last; column++)
        {
            if (table.Range(column) is not { } range)
                return default;
            builder.Add(Interval.Of(range.Min, range.Max));
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// The position of the column a header row names (<c>df["Pressure"]</c> of a frame loaded with a header), in every
    /// file this text may come from; -1 when a file has no such header, or it names several columns, or the positions differ.
    /// </summary>
    public int ColumnNamed(string name, DataFileLimits limits, CancellationToken cancellationToken)
    {
        if (SkippedLines != 1 || Kind != TextKind.Fields || Separators is null)
            return -1;
        var position = ColumnNamedIn(File, name, limits, cancellationToken);
        foreach (var other in Others)
        {
            if (ColumnNamedIn(other, name, limits, cancellationToken) != position)
                return -1;
        }
        return position;
    }

    private int ColumnNamedIn(AdditionalText file, string name, DataFileLimits limits, CancellationToken cancellationToken)
    {
        var table = Files.Read(file, new DataFileFormat(Separators!, hasHeader: true, allowQuoting: false), limits, cancellationToken);
        if (!table.IsKnown)
            return -1;
        var found = -1;
        for (var column = 0; column < table.Headers.Length; column++)
        {
            if (!string.Equals(table.Headers[column]?.Trim(), name, StringComparison.Ordinal))
                continue;
            if (found >= 0)
                return -1;
            found = column;
        }
        return found;
    }

    public bool SameAs(DataFileText? other)
        => other is not null && ReferenceEquals(File, other.File) && SameOthers(other) && SkippedLines == other.SkippedLines && SameShape(other);

    private bool SameOthers(DataFileText other)
    {
        if (Others.Length != other.Others.Length)
            return false;
        for (var k = 0; k < Others.Length; k++)
        {
            if (!ReferenceEquals(Others[k], other.Others[k]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Both texts at once (a loop's rounds, two branches): the same file read the same way; lines skipped at the start
    /// are the fewer of the two (a reader's <c>ReadLine()</c> in a loop reads every line after those before the loop).
    /// </summary>
    public DataFileText? Join(DataFileText? other)
    {
        if (other is null || !ReferenceEquals(File, other.File) || !SameOthers(other) || !SameShape(other))
            return null;
        return other.SkippedLines < SkippedLines ? other : this;
    }

    private bool SameShape(DataFileText other)
        => Kind == other.Kind && Separators == other.Separators && DropsEmptyFields == other.DropsEmptyFields && First == other.First && Last == other.Last;
}
