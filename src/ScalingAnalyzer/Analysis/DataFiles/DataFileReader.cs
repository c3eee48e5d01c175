using System;
using System.Collections.Immutable;
using System.Globalization;
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

    /// <summary>
    /// A streaming parser: characters in, per-column bounds out. Fields are kept in a small char buffer and numbers
    /// parsed from it directly (no string per field): a 4 MB prefix parses in tens of milliseconds.
    /// </summary>
    private sealed class Parser
    {
        private const int MaxFieldLength = 256;

        private readonly DataFileFormat format;
        private readonly DataFileLimits limits;
        private readonly bool spaceSeparated;
        private readonly char[] field = new char[MaxFieldLength];
        private readonly ImmutableArray<string?>.Builder headers = ImmutableArray.CreateBuilder<string?>();
        private readonly System.Collections.Generic.List<string> headerFields = new();
        private double[] minimums = new double[16];
        private double[] maximums = new double[16];
        private int[] counts = new int[16];
        private bool[] nonNumeric = new bool[16];

        // The current line's parsed fields, committed when the line ends (a comment line or the header is not data).
        private double[] lineValues = new double[16];
        private byte[] lineKinds = new byte[16];
        private int lineFieldCount;

        private int fieldLength;
        private int columns;
        private bool inQuotes;
        private bool fieldWasQuoted;
        private bool lineHasContent;
        private bool lineIsComment;
        private char previous;
        private bool headerPending;

        /// <summary>A data row held an empty field ("1,,3"): code that drops empty fields would see shifted columns.</summary>
        private bool sawEmptyField;

        private const byte Missing = 0, Number = 1, Text = 2;

        public Parser(DataFileFormat format, DataFileLimits limits)
        {
            this.format = format;
            this.limits = limits;
            spaceSeparated = format.Separators.IndexOf(' ') >= 0;
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
            if (lineIsComment)
                return;
            if (format.AllowQuoting && c == '"')
            {
                if (inQuotes)
                    inQuotes = false;
                else if (IsBlankField())
                {
                    fieldLength = 0;
                    inQuotes = true;
                    fieldWasQuoted = true;
                }
                else
                    Append(c);
                lineHasContent = true;
                return;
            }
            if (!inQuotes && format.Separators.IndexOf(c) >= 0)
            {
                EndField();
                lineHasContent = true;
                return;
            }
            if (c == '/' && lineFieldCount == 0 && fieldLength == 1 && field[0] == '/' && !fieldWasQuoted)
            {
                // "//" at the start of a line: ML.NET's comment line.
                lineIsComment = true;
                return;
            }
            Append(c);
            if (!char.IsWhiteSpace(c))
                lineHasContent = true;
        }

        private void Append(char c)
        {
            if (fieldLength < MaxFieldLength)
                field[fieldLength++] = c;
        }

        private bool IsBlankField()
        {
            for (var i = 0; i < fieldLength; i++)
            {
                if (!char.IsWhiteSpace(field[i]))
                    return false;
            }
            return true;
        }

        public void EndLine()
        {
            if (lineHasContent && !lineIsComment)
                EndField();
            inQuotes = false;
            if (lineHasContent && !lineIsComment)
            {
                if (headerPending)
                {
                    headerPending = false;
                    foreach (var name in headerFields)
                        headers.Add(name.Length == 0 ? null : name);
                }
                else
                {
                    RecordRow();
                }
            }
            lineFieldCount = 0;
            headerFields.Clear();
            fieldLength = 0;
            lineHasContent = false;
            lineIsComment = false;
            fieldWasQuoted = false;
        }

        private void EndField()
        {
            var start = 0;
            var end = fieldLength;
            if (!fieldWasQuoted)
            {
                while (start < end && char.IsWhiteSpace(field[start]))
                    start++;
                while (end > start && char.IsWhiteSpace(field[end - 1]))
                    end--;
            }
            var length = end - start;
            fieldLength = 0;
            var quoted = fieldWasQuoted;
            fieldWasQuoted = false;
            // A space separator: runs of spaces are one separator, as ML.NET reads space-separated files.
            if (length == 0 && !quoted && spaceSeparated)
                return;
            if (headerPending)
            {
                headerFields.Add(new string(field, start, length));
                lineFieldCount++;
                return;
            }
            if (lineFieldCount >= DataFileLimits.MaxColumns)
            {
                lineFieldCount++;
                return;
            }
            if (lineFieldCount >= lineValues.Length)
            {
                var size = Math.Min(lineValues.Length * 2, DataFileLimits.MaxColumns);
                Array.Resize(ref lineValues, size);
                Array.Resize(ref lineKinds, size);
            }
            if (length == 0 && !quoted)
                sawEmptyField = true;
            if (IsMissing(start, length))
            {
                lineKinds[lineFieldCount] = Missing;
            }
            else if (TryParseNumber(start, length, out var number))
            {
                lineKinds[lineFieldCount] = Number;
                lineValues[lineFieldCount] = number;
            }
            else
            {
                lineKinds[lineFieldCount] = Text;
            }
            lineFieldCount++;
        }

        /// <summary>
        /// ML.NET reads these as missing values (NaN), not as text: empty, and any casing of "?", "NaN", "NA" and "N/A"
        /// (its Conversions.IsStdMissing; the penguins and life-expectancy data sets write "NA").
        /// </summary>
        private bool IsMissing(int start, int length)
            => length == 0
               || (length == 1 && field[start] == '?')
               || (length == 2 && char.ToUpperInvariant(field[start]) == 'N' && char.ToUpperInvariant(field[start + 1]) == 'A')
               || (length == 3 && char.ToUpperInvariant(field[start]) == 'N'
                   && ((char.ToUpperInvariant(field[start + 1]) == 'A' && char.ToUpperInvariant(field[start + 2]) == 'N')
                       || (field[start + 1] == '/' && char.ToUpperInvariant(field[start + 2]) == 'A')));

        /// <summary>
        /// Plain decimals (-12.5, 3, .5, 1e-3) parsed in place; anything else (more digits than a double keeps,
        /// unusual forms) through double.TryParse, so what counts as a number is the invariant culture's.
        /// </summary>
        private bool TryParseNumber(int start, int length, out double number)
        {
            number = 0;
            var i = start;
            var end = start + length;
            var negative = false;
            if (field[i] == '-' || field[i] == '+')
            {
                negative = field[i] == '-';
                i++;
            }
            long mantissa = 0;
            var digits = 0;
            var scale = 0;
            var sawDot = false;
            for (; i < end; i++)
            {
                var c = field[i];
                if (c >= '0' && c <= '9')
                {
                    if (digits >= 17)
                        return Fallback(start, length, out number);
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0)
                        digits++;
                    if (sawDot)
                        scale--;
                }
                else if (c == format.DecimalMarker && !sawDot)
                {
                    sawDot = true;
                }
                else
                {
                    break;
                }
            }
            if (i == start + (negative || field[start] == '+' ? 1 : 0) || (sawDot && i == start + 1 + (negative || field[start] == '+' ? 1 : 0) && digits == 0 && mantissa == 0 && field[i - 1] == format.DecimalMarker))
                return Fallback(start, length, out number);
            if (i < end)
            {
                if (field[i] != 'e' && field[i] != 'E')
                    return false;
                return Fallback(start, length, out number);
            }
            number = mantissa * Math.Pow(10, scale);
            if (negative)
                number = -number;
            return true;
        }

        private bool Fallback(int start, int length, out double number)
        {
            var text = new string(field, start, length);
            if (format.DecimalMarker != '.')
            {
                // "1,5e3" with DecimalMarker ',': a '.' is no part of such a number.
                number = 0;
                if (text.IndexOf('.') >= 0)
                    return false;
                text = text.Replace(format.DecimalMarker, '.');
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                   && !double.IsNaN(number) && !double.IsInfinity(number);
        }

        private void RecordRow()
        {
            var width = Math.Min(lineFieldCount, DataFileLimits.MaxColumns);
            if (format.SkipsRowsWithText && HasText(width))
                return;
            for (var column = 0; column < width; column++)
            {
                EnsureColumn(column);
                switch (lineKinds[column])
                {
                    case Number:
                        var value = lineValues[column];
                        if (counts[column] == 0)
                        {
                            minimums[column] = value;
                            maximums[column] = value;
                        }
                        else
                        {
                            if (value < minimums[column])
                                minimums[column] = value;
                            if (value > maximums[column])
                                maximums[column] = value;
                        }
                        counts[column]++;
                        break;
                    case Text:
                        nonNumeric[column] = true;
                        break;
                }
            }
            Rows++;
            if (Rows >= limits.MaxRows)
                StoppedAtRowLimit = true;
        }

        private bool HasText(int width)
        {
            for (var column = 0; column < width; column++)
            {
                if (lineKinds[column] == Text)
                    return true;
            }
            return false;
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
                complete,
                sawEmptyField);
        }
    }
}
