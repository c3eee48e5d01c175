using System;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// How the code says a text data file is laid out: its field separators, whether its first row is a header, and the
/// decimal marker of its numbers (ML.NET's <c>TextLoader.Options.DecimalMarker</c>: '.' or ',').
/// </summary>
internal sealed class DataFileFormat : IEquatable<DataFileFormat>
{
    /// <summary>ML.NET's TextLoader default: tab-separated, no header.</summary>
    public static readonly DataFileFormat MLNetDefault = new("\t", hasHeader: false, allowQuoting: false);

    public DataFileFormat(string separators, bool hasHeader, bool allowQuoting, char decimalMarker = '.', bool skipsRowsWithText = false)
    {
        SkipsRowsWithText = skipsRowsWithText;
        Separators = separators.Length == 0 ? "\t" : separators;
        HasHeader = hasHeader;
        AllowQuoting = allowQuoting;
        DecimalMarker = decimalMarker;
    }

    /// <summary>Each character separates fields; a space separator also collapses runs of spaces, as ML.NET does.</summary>
    public string Separators { get; }
    public bool HasHeader { get; }

    /// <summary>Fields in double quotes may hold separators.</summary>
    public bool AllowQuoting { get; }

    /// <summary>'.' (the default) or ',': "1013,25" is a number of a file read with <c>DecimalMarker = ','</c>.</summary>
    public char DecimalMarker { get; }

    /// <summary>
    /// A row with a field that is not a number is not data: the code parses each line with <c>float.TryParse</c> and
    /// drops (or zeroes) what does not parse, a header line included. Off for ML.NET's own loaders, which read text as
    /// missing values.
    /// </summary>
    public bool SkipsRowsWithText { get; }

    public bool Equals(DataFileFormat? other)
        => other is not null && Separators == other.Separators && HasHeader == other.HasHeader && AllowQuoting == other.AllowQuoting
           && DecimalMarker == other.DecimalMarker && SkipsRowsWithText == other.SkipsRowsWithText;

    public override bool Equals(object? obj) => Equals(obj as DataFileFormat);

    public override int GetHashCode() => ((Separators.GetHashCode() * 31 + (HasHeader ? 1 : 0)) * 31 + (AllowQuoting ? 1 : 0)) * 31 + DecimalMarker + (SkipsRowsWithText ? 65536 : 0);
}
