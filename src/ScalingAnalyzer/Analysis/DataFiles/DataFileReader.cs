using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// Reads the prefix of a delimited text file the way ML.NET's TextLoader splits it (separator characters, optional
/// header row, optional quoting, empty lines and "//" comment lines skipped) and keeps per-column numeric bounds.
/// Never throws on content: a file that is empty or binary (NUL characters) is unknown; a ragged row counts for the
/// columns it has; a value that is not a number makes its column unknown; text decoded with replacement characters
/// is simply not numeric there.
/// </summary>
internal static class DataFileReader
{
    private const int ChunkSize = 16 * 1024;

    public static DataFileTable Read(SourceText? text, DataFileFormat format, DataFileLimits limits, CancellationToken cancellationToken)
    {
        if (text is null || text.Length == 0 || limits.IsOff)
            return DataFileTable.Unknown;
        var parser = new Parser(format, limits);
        var length = Math.Min(text.Length, limits.MaxCharacters);
        var buffer = new char[Math.Min(ChunkSize, length)];
        var position = 0;
        while (position < length && !parser.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, length - position);
            text.CopyTo(position, buffer, 0, count);
            for (var i = 0; i < count && !parser.Done; i++)
                parser.Accept(buffer[i]);
            position += count;
        }
        if (parser.IsBinary)
            return DataFileTable.Unknown;
        var readToEnd = position >= text.Length && !parser.StoppedAtRowLimit;
        // A line cut by the character cap is not a row: drop it rather than read half a number.
        if (readToEnd)
            parser.EndLine();
        return parser.ToTable(complete: readToEnd);
    }

    private sealed class Parser
    {
        private readonly DataFileFormat format;
        private readonly DataFileLimits limits;
        private readonly StringBuilder field = new();
        private readonly ImmutableArray<string?>.Builder headers = ImmutableArray.CreateBuilder<string?>();
        private readonly System.Collections.Generic.List<string> lineFields = new();
        private double[] minimums = new double[16];
        private double[] maximums = new double[16];
        private int[] counts = new int[16];
        private bool[] nonNumeric = new bool[16];
        private int columns;
        private bool inQuotes;
        private bool fieldWasQuoted;
        private bool lineHasContent;
        private char previous;
        private bool headerPending;

        public Parser(DataFileFormat format, DataFileLimits limits)
        {
            this.format = format;
            this.limits = limits;
            headerPending = format.HasHeader;
        }

        public int Rows { get; private set; }
        public bool IsBinary { get; private set; }
        public bool StoppedAtRowLimit { get; private set; }
        public bool Done => IsBinary || StoppedAtRowLimit;

        public void Accept(char c)
        {
            if (c == '\0')
            {
                IsBinary = true;
                return;
            }
            if (c == '\n' || c == '\r')
            {
                // "\r\n" ends one line, not two; quoted fields do not span lines in a prefix read this way.
                if (!(c == '\n' && previous == '\r'))
                    EndLine();
                previous = c;
                return;
            }
            previous = c;
            if (format.AllowQuoting && c == '"')
            {
                if (inQuotes)
                {
                    inQuotes = false;
                }
                else if (field.Length == 0 || IsBlank(field))
                {
                    field.Clear();
                    inQuotes = true;
                    fieldWasQuoted = true;
                }
                else
                {
                    field.Append(c);
                }
                lineHasContent = true;
                return;
            }
            if (!inQuotes && format.Separators.IndexOf(c) >= 0)
            {
                EndField();
                lineHasContent = true;
                return;
            }
            if (field.Length < 256)
                field.Append(c);
            if (!char.IsWhiteSpace(c))
                lineHasContent = true;
        }

        public void EndLine()
        {
            if (lineHasContent)
                EndField();
            inQuotes = false;
            if (!lineHasContent || IsComment())
            {
                Reset();
                return;
            }
            if (headerPending)
            {
                headerPending = false;
                foreach (var name in lineFields)
                    headers.Add(name.Length == 0 ? null : name);
            }
            else
            {
                RecordRow();
            }
            Reset();
        }

        private bool IsComment() => lineFields.Count > 0 && lineFields[0].StartsWith("//", StringComparison.Ordinal);

        private void Reset()
        {
            lineFields.Clear();
            field.Clear();
            lineHasContent = false;
            fieldWasQuoted = false;
        }

        private void EndField()
        {
            var value = fieldWasQuoted ? field.ToString() : field.ToString().Trim();
            field.Clear();
            fieldWasQuoted = false;
            // A space separator: runs of spaces are one separator, as ML.NET reads space-separated files.
            if (value.Length == 0 && format.Separators.IndexOf(' ') >= 0)
                return;
            lineFields.Add(value);
        }

        private void RecordRow()
        {
            var width = Math.Min(lineFields.Count, DataFileLimits.MaxColumns);
            for (var column = 0; column < width; column++)
            {
                EnsureColumn(column);
                var value = lineFields[column];
                if (IsMissing(value))
                    continue;
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
                {
                    if (counts[column] == 0)
                    {
                        minimums[column] = number;
                        maximums[column] = number;
                    }
                    else
                    {
                        minimums[column] = Math.Min(minimums[column], number);
                        maximums[column] = Math.Max(maximums[column], number);
                    }
                    counts[column]++;
                }
                else
                {
                    nonNumeric[column] = true;
                }
            }
            Rows++;
            if (Rows >= limits.MaxRows)
                StoppedAtRowLimit = true;
        }

        /// <summary>ML.NET reads these as missing values (NaN), not as text.</summary>
        private static bool IsMissing(string value) => value.Length == 0 || value == "?" || value.Equals("NaN", StringComparison.OrdinalIgnoreCase);

        private static bool IsBlank(StringBuilder builder)
        {
            for (var i = 0; i < builder.Length; i++)
            {
                if (!char.IsWhiteSpace(builder[i]))
                    return false;
            }
            return true;
        }

        private void EnsureColumn(int column)
        {
            if (column >= columns)
                columns = column + 1;
            if (column < counts.Length)
                return;
            var size = Math.Min(Math.Max(counts.Length * 2, column + 1), DataFileLimits.MaxColumns);
            Array.Resize(ref minimums, size);
            Array.Resize(ref maximums, size);
            Array.Resize(ref counts, size);
            Array.Resize(ref nonNumeric, size);
        }

        public DataFileTable ToTable(bool complete)
        {
            if (Rows == 0)
                return DataFileTable.Unknown;
            return new DataFileTable(
                headers.ToImmutable(),
                ImmutableArray.Create(minimums, 0, columns),
                ImmutableArray.Create(maximums, 0, columns),
                ImmutableArray.Create(counts, 0, columns),
                ImmutableArray.Create(nonNumeric, 0, columns),
                Rows,
                complete);
        }
    }
}
