using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// SCALE002's own <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> keys (beside
/// <see cref="DiagnosticProperties.FeatureColumn"/>) and their encoding: where the fix inserts a normalizer, so the
/// fixer never re-runs the pipeline analysis.
/// </summary>
internal static class MLNetFixProperties
{
    /// <summary>The MLContext expression as the code writes it (e.g. <c>mlContext</c>). Absent: no fix is offered.</summary>
    public const string MLContext = "MLNet.MLContext";

    /// <summary>The insertion points, encoded by <see cref="Encode"/>. Absent: no fix is offered.</summary>
    public const string Insertions = "MLNet.Insertions";

    private const char Separator = ';';
    private const char FieldSeparator = ':';
    private const string AppendBeforeTag = "A";
    private const string WrapTag = "W";

    public static string Encode(IEnumerable<NormalizerInsertion> insertions)
    {
        var builder = new StringBuilder();
        foreach (var insertion in insertions)
        {
            if (builder.Length > 0)
                builder.Append(Separator);
            if (insertion.Kind == NormalizerInsertionKind.AppendBefore)
                builder.Append(AppendBeforeTag).Append(FieldSeparator).Append(insertion.Start.ToString(CultureInfo.InvariantCulture));
            else
                builder.Append(WrapTag).Append(FieldSeparator).Append(insertion.Start.ToString(CultureInfo.InvariantCulture))
                    .Append(FieldSeparator).Append(insertion.End.ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Empty when the text is missing or malformed: the fixer then offers nothing.</summary>
    public static ImmutableArray<NormalizerInsertion> Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return ImmutableArray<NormalizerInsertion>.Empty;
        var builder = ImmutableArray.CreateBuilder<NormalizerInsertion>();
        foreach (var item in text!.Split(Separator))
        {
            var fields = item.Split(FieldSeparator);
            if (fields.Length == 2 && fields[0] == AppendBeforeTag && TryParse(fields[1], out var position))
                builder.Add(new NormalizerInsertion(NormalizerInsertionKind.AppendBefore, position, position));
            else if (fields.Length == 3 && fields[0] == WrapTag && TryParse(fields[1], out var start) && TryParse(fields[2], out var end) && start <= end)
                builder.Add(new NormalizerInsertion(NormalizerInsertionKind.Wrap, start, end));
            else
                return ImmutableArray<NormalizerInsertion>.Empty;
        }
        return builder.ToImmutable();
    }

    private static bool TryParse(string text, out int value)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0;
}

internal enum NormalizerInsertionKind
{
    /// <summary><c>x.Append(trainer)</c>: insert <c>.Append(normalizer)</c> at the dot before <c>Append</c> (Start).</summary>
    AppendBefore,

    /// <summary>The trainer starts the chain: <c>normalizer.Append(</c> before Start, <c>)</c> after End.</summary>
    Wrap,
}

/// <summary>
/// Where a fix inserts the normalizer. A class rather than a struct: an <c>ImmutableArray</c> of a struct of ours is generic
/// code no ReadyToRun image holds, JIT-compiled in every cold compiler process that meets an ML.NET trainer.
/// </summary>
internal sealed class NormalizerInsertion
{
    public NormalizerInsertion(NormalizerInsertionKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public NormalizerInsertionKind Kind { get; }
    public int Start { get; }
    public int End { get; }
}
