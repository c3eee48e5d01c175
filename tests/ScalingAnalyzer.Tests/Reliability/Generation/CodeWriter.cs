using System.Globalization;
using System.Text;

namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>Indented C# text for the program generators, and invariant number literals.</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', 4 * _depth);
        _text.Append(line).Append('\n');
        return this;
    }

    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return this;
    }

    public CodeWriter Close(string closing = "}")
    {
        _depth--;
        return Line(closing);
    }

    public override string ToString() => _text.ToString();

    /// <summary>A float literal as C# writes it: "4500f", "0.25f", "1E-05f".</summary>
    public static string Float(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "f";

    /// <summary>A double literal: "0.001", "1E-05", "100.0".</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
