using System.Globalization;
using System.Text;

namespace HousePrices;

/// <summary>A Markdown table printed to the console, columns padded so it also reads as plain text.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public MarkdownTable(params string[] headers) => _headers = headers;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row needs {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public override string ToString()
    {
        var widths = _headers.Select((header, column) => _rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendLine(text, _headers, widths);
        AppendLine(text, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            AppendLine(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var column = 0; column < cells.Length; column++)
        {
            text.Append(' ').Append(cells[column].PadRight(widths[column])).Append(" |");
        }

        text.AppendLine();
    }

    /// <summary>Three or four significant digits, no thousands separators, invariant culture; NaN and infinities spelled out.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+inf" : "-inf";
        }

        var magnitude = Math.Abs(value);
        var format = magnitude switch
        {
            0 => "0",
            >= 1e6 => "0.0e+0",
            >= 1000 => "0",
            >= 10 => "0.0",
            >= 1 => "0.00",
            >= 0.01 => "0.000",
            _ => "0.0e+0",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
