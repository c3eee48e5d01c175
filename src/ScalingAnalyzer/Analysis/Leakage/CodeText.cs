using System;
using System.Buffers;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>
/// The text pre-checks of SCALE006, run on every code block before anything is bound: does the code's text contain
/// a word of each group? The characters are copied into a pooled buffer and searched with a vectorized IndexOf, so
/// no string is made per code block. A word in a comment or a longer name lets the code through to the analysis,
/// which decides: the filter may pass too much, never too little (an identifier spelled with a Unicode escape
/// passes too).
/// </summary>
internal static class CodeText
{
    public static bool ContainsOneOfEach(SyntaxNode code, string[] first, string[] second)
    {
        var text = code.SyntaxTree.GetText();
        var span = code.Span;
        if (span.End > text.Length)
            return true;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, span.Length));
        try
        {
            text.CopyTo(span.Start, buffer, 0, span.Length);
            var chars = new ReadOnlySpan<char>(buffer, 0, span.Length);
            if (chars.IndexOf("\\u".AsSpan()) >= 0 || chars.IndexOf("\\U".AsSpan()) >= 0)
                return true;
            return ContainsAny(chars, first) && ContainsAny(chars, second);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word.AsSpan()) >= 0)
                return true;
        }
        return false;
    }
}
