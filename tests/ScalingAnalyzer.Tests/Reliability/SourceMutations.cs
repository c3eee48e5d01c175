using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Half-typed versions of a source file, as an editor shows them to analyzers at every keystroke: the file cut off
/// after a token, and the file with a few tokens missing. Seeded, so a failure names a reproducible input.
/// </summary>
public static class SourceMutations
{
    /// <summary>
    /// The text up to the end of <paramref name="count"/> tokens spread over the whole file (evenly spaced plus a
    /// random offset within each stride), so both early and late cuts are tried whatever the file's length.
    /// </summary>
    public static IReadOnlyList<string> Truncations(string source, int count, Random random)
    {
        var tokens = Tokens(source);
        if (tokens.Count == 0)
            return Array.Empty<string>();
        var cuts = new SortedSet<int>();
        var stride = Math.Max(1.0, tokens.Count / (double)count);
        for (var position = 0.0; position < tokens.Count && cuts.Count < count; position += stride)
        {
            var index = Math.Min(tokens.Count - 1, (int)position + random.Next((int)Math.Ceiling(stride)));
            cuts.Add(tokens[index].Span.End);
        }
        return cuts.Select(end => source.Substring(0, end)).ToList();
    }

    /// <summary><paramref name="count"/> variants, each with one to three random tokens deleted (their trivia kept).</summary>
    public static IReadOnlyList<string> Deletions(string source, int count, Random random)
    {
        var tokens = Tokens(source);
        if (tokens.Count == 0)
            return Array.Empty<string>();
        var variants = new List<string>(count);
        for (var variant = 0; variant < count; variant++)
        {
            var deleted = new HashSet<int>();
            var deletions = 1 + random.Next(3);
            while (deleted.Count < Math.Min(deletions, tokens.Count))
                deleted.Add(random.Next(tokens.Count));
            variants.Add(Without(source, tokens, deleted));
        }
        return variants;
    }

    private static string Without(string source, IReadOnlyList<SyntaxToken> tokens, HashSet<int> deleted)
    {
        var text = new StringBuilder(source.Length);
        var copiedUpTo = 0;
        foreach (var index in deleted.OrderBy(i => i))
        {
            var span = tokens[index].Span;
            text.Append(source, copiedUpTo, span.Start - copiedUpTo);
            // A space keeps the neighbours from fusing into a different token.
            text.Append(' ');
            copiedUpTo = span.End;
        }
        text.Append(source, copiedUpTo, source.Length - copiedUpTo);
        return text.ToString();
    }

    private static List<SyntaxToken> Tokens(string source)
        => CSharpSyntaxTree.ParseText(source, ReliabilityCompilations.ParseOptions)
            .GetRoot()
            .DescendantTokens()
            .Where(token => !token.IsKind(SyntaxKind.EndOfFileToken) && token.Span.Length > 0)
            .ToList();
}
