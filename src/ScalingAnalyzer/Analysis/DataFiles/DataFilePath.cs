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
    private DataFilePath(ImmutableArray<string> segments, bool isComplete)
    {
        Segments = segments;
        IsComplete = isComplete;
    }

    public ImmutableArray<string> Segments { get; }

    /// <summary>The whole path is a compile-time constant (relative to the working directory, or rooted).</summary>
    public bool IsComplete { get; }

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
        return new DataFilePath(segments.ToImmutableArray(), isComplete && !climbed);
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
