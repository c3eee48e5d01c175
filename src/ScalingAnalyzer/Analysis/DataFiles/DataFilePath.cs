using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// The end of a path the code reads, as far as it is known at compile time: <c>Path.Combine(AppContext.BaseDirectory,
/// "Data", "iris.csv")</c> is known as <c>Data/iris.csv</c> after a prefix only known at run time. Segments are
/// normalized: "." dropped, "a/.." removed, leading ".." dropped (they climb into the unknown prefix).
/// </summary>
internal sealed class DataFilePath
{
    private DataFilePath(ImmutableArray<string> segments, bool isComplete, bool isRooted = false)
    {
        Segments = segments;
        IsComplete = isComplete;
        IsRooted = isRooted && isComplete;
    }

    public ImmutableArray<string> Segments { get; }

    /// <summary>The whole path is a compile-time constant (relative to the working directory, or rooted).</summary>
    public bool IsComplete { get; }

    /// <summary>
    /// The whole path is a compile-time constant from the root of a file system (<c>C:\Users\dev\Downloads\taxi.csv</c>,
    /// <c>/home/dev/data/taxi.csv</c>): a place on the author's machine, which Model Builder and many samples write
    /// verbatim, while the file itself is kept in the project.
    /// </summary>
    public bool IsRooted { get; }

    public string FileName => Segments.IsDefaultOrEmpty ? "" : Segments[Segments.Length - 1];

    /// <summary>Null when the text ends in a separator or names no file.</summary>
    public static DataFilePath? FromText(string text, bool isComplete)
    {
        var parts = text.Split(new[] { '/', '\\' }, StringSplitOptions.None);
        var segments = new List<string>(parts.Length);
        var climbed = false;
        foreach (var part in parts)
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                else
                    climbed = true;
                continue;
            }
            segments.Add(part);
        }
        if (segments.Count == 0 || text.EndsWith("/", StringComparison.Ordinal) || text.EndsWith("\\", StringComparison.Ordinal))
            return null;
        var rooted = text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("\\", StringComparison.Ordinal)
                     || (text.Length >= 2 && text[1] == ':' && char.IsLetter(text[0]));
        return new DataFilePath(segments.ToImmutableArray(), isComplete && !climbed, rooted);
    }

    /// <summary>How many trailing segments of <paramref name="filePath"/> (an AdditionalFile's path) are this path's last ones.</summary>
    public int CommonSuffixLength(string filePath)
    {
        var parts = filePath.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
        var length = 0;
        for (int i = Segments.Length - 1, j = parts.Length - 1; i >= 0 && j >= 0; i--, j--)
        {
            if (!string.Equals(Segments[i], parts[j], StringComparison.OrdinalIgnoreCase))
                break;
            length++;
        }
        return length;
    }

    /// <summary>Whether <paramref name="filePath"/> (an AdditionalFile's path) ends with these segments.</summary>
    public bool IsSuffixOf(string filePath)
    {
        var parts = filePath.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < Segments.Length)
            return false;
        for (int i = Segments.Length - 1, j = parts.Length - 1; i >= 0; i--, j--)
        {
            if (!string.Equals(Segments[i], parts[j], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    public bool SameAs(DataFilePath? other)
        => other is not null && IsComplete == other.IsComplete && Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    /// <summary><c>Path.Combine(left, right)</c> of two relative ends known at compile time.</summary>
    public static DataFilePath Combine(DataFilePath left, DataFilePath right)
        => new(left.Segments.AddRange(right.Segments), left.IsComplete && right.IsComplete);

    /// <summary>This end, with an unknown prefix before it.</summary>
    public DataFilePath AfterUnknownPrefix() => IsComplete ? new DataFilePath(Segments, false) : this;

    public override string ToString() => string.Join("/", Segments);
}
