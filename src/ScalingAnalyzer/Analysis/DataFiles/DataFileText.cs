using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// Text that .NET code read from a data file of the project, as far as the code's own line handling is understood:
/// the file's lines (<c>File.ReadAllLines(path)</c>, <c>File.ReadLines(path).Skip(1)</c>), the fields of one line
/// (<c>line.Split(',')</c>), or one field (<c>parts[2]</c>). A number parsed from it takes the bounds the file shows
/// for that column (<see cref="ColumnOf"/>); anything the code does that is not modelled drops it (unknown, as without
/// the file).
/// </summary>
internal sealed class DataFileText
{
    private DataFileText(ProjectDataFiles files, AdditionalText file, int skippedLines, string? separator, int column)
    {
        Files = files;
        File = file;
        SkippedLines = skippedLines;
        Separator = separator;
        Column = column;
    }

    public ProjectDataFiles Files { get; }
    public AdditionalText File { get; }

    /// <summary>Lines skipped at the start (<c>.Skip(1)</c>: a header).</summary>
    public int SkippedLines { get; }

    /// <summary>The separator the lines were split on; null while this is a whole line.</summary>
    public string? Separator { get; }

    /// <summary>The field picked out of the split line (0-based); -1 for the whole line or all its fields.</summary>
    public int Column { get; }

    public bool IsLines => Separator is null;
    public bool IsFields => Separator is not null && Column < 0;

    public static DataFileText Lines(ProjectDataFiles files, AdditionalText file) => new(files, file, 0, null, -1);

    public DataFileText Skipping(int lines) => new(Files, File, SkippedLines + lines, Separator, Column);

    public DataFileText SplitOn(string separator) => new(Files, File, SkippedLines, separator, -1);

    public DataFileText Field(int column) => new(Files, File, SkippedLines, Separator, column);

    /// <summary>
    /// The bounds of the column a number parsed from this text comes from, with the words that say so ("column 2
    /// spans [900, 1100] in sensors.csv"); null when the file, the skip or the column is not understood, or the file
    /// was not read to its end (the rows not read could lie anywhere).
    /// </summary>
    public (double Min, double Max, string Evidence)? ColumnOf(DataFileLimits limits, CancellationToken cancellationToken)
    {
        if (SkippedLines > 1)
            return null;
        var format = new DataFileFormat(Separator ?? "\t", hasHeader: SkippedLines == 1, allowQuoting: false);
        var table = Files.Read(File, format, limits, cancellationToken);
        if (!table.IsKnown || !table.IsComplete)
            return null;
        int column;
        if (Separator is null)
        {
            // A whole line parsed as one number: the file must have one column.
            if (table.ColumnCount != 1)
                return null;
            column = 0;
        }
        else if (Column >= 0)
            column = Column;
        else
            return null;
        if (table.Range(column) is not { } range)
            return null;
        var evidence = "column " + column.ToString(CultureInfo.InvariantCulture) + " spans [" + NumberText.Round(range.Min) + ", " + NumberText.Round(range.Max) + "] in "
                       + ProjectDataFiles.DisplayName(File);
        return (range.Min, range.Max, evidence);
    }

    public bool SameAs(DataFileText? other)
        => other is not null && ReferenceEquals(File, other.File) && SkippedLines == other.SkippedLines && Separator == other.Separator && Column == other.Column;
}
