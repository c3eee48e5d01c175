using System;
using System.Buffers;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Text pre-checks run before anything is bound (SCALE006's words on every code block, SCALE002's trainer names on
/// every file): does the code's text contain a word of each group, and where does it name one of a set of identifiers?
/// The characters are copied into a pooled buffer and searched with a vectorized IndexOf, so
/// no string is made per code block. A word in a comment or a longer name lets the code through to the analysis,
/// which decides: the filter may pass too much, never too little (an identifier spelled with a Unicode escape
/// passes too).
/// </summary>
internal static class CodeText
{
    public static bool ContainsOneOfEach(SyntaxNode code, string[] first, string[] second)
        => Test(code, first, second, static (chars, a, b) => ContainsAny(chars, (string[])a) && ContainsAny(chars, (string[])b!));

    /// <summary>
    /// The positions in the file where one of <paramref name="identifiers"/> is written as a whole word within
    /// <paramref name="code"/> (comments and strings included: the caller looks at the token there), in order; null when
    /// the text spells an identifier with a Unicode escape, which only a walk of the syntax finds.
    /// </summary>
    public static List<int>? IdentifierPositions(SyntaxNode code, IdentifierSet identifiers)
    {
        var positions = new List<int>();
        var offset = code.Span.Start;
        if (!Test(code, identifiers, positions, static (chars, set, found) => CollectIdentifiers(chars, (IdentifierSet)set, (List<int>)found!)))
            return positions;
        // Test answers true for the text with escapes without running the collection.
        if (positions.Count == 0)
            return null;
        for (var i = 0; i < positions.Count; i++)
            positions[i] += offset;
        return positions;
    }

    private delegate bool CharsTest(ReadOnlySpan<char> chars, object first, object? second);

    /// <summary>The code's characters, copied once into a pooled buffer, put to <paramref name="test"/>; true for escaped identifiers.</summary>
    private static bool Test(SyntaxNode code, object first, object? second, CharsTest test)
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
            return test(chars, first, second);
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

    /// <summary>Whether one of <paramref name="identifiers"/> is a whole word of <paramref name="chars"/> (escapes not looked at).</summary>
    internal static bool HasIdentifier(ReadOnlySpan<char> chars, IdentifierSet identifiers) => CollectIdentifiers(chars, identifiers, null);

    /// <summary>
    /// One pass over <paramref name="chars"/> that hashes each run of identifier characters: true at the first word of
    /// <paramref name="identifiers"/> when <paramref name="found"/> is null, otherwise the start of each such word added
    /// to it and true when there is one.
    /// </summary>
    private static bool CollectIdentifiers(ReadOnlySpan<char> chars, IdentifierSet identifiers, List<int>? found)
    {
        var i = 0;
        while (i < chars.Length)
        {
            if (!IsIdentifierPart(chars[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var hash = IdentifierSet.Seed;
            while (i < chars.Length && IsIdentifierPart(chars[i]))
                hash = IdentifierSet.Step(hash, chars[i++]);
            if (identifiers.Contains(hash, chars.Slice(start, i - start)))
            {
                if (found is null)
                    return true;
                found.Add(start);
            }
        }
        return found is { Count: > 0 };
    }

    /// <summary>ASCII decided by arithmetic: char.IsLetterOrDigit looks up Unicode categories, and this runs on every character of every code block.</summary>
    private static bool IsIdentifierPart(char c)
        => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' : char.IsLetterOrDigit(c);

    /// <summary>
    /// The identifier names of the compilation spelled <paramref name="name"/>, tree by tree: a tree whose text does not
    /// contain the name (searched as above) is not walked. For the few questions that need every use of a member in the
    /// compilation (every call of a method, every read of a field or property), each asked once per member.
    /// </summary>
    public static IEnumerable<IdentifierNameSyntax> IdentifiersSpelled(Compilation compilation, string name, System.Threading.CancellationToken cancellationToken)
    {
        var spelling = new[] { name };
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            if (!ContainsOneOfEach(root, spelling, spelling))
                continue;
            foreach (var node in root.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    yield return identifier;
            }
        }
    }
}

/// <summary>
/// A fixed set of identifiers, looked up by a hash of characters (<see cref="CodeText.IdentifierPositions"/>): an
/// open-addressing table of plain arrays, so that no generic collection is instantiated over the hash type (code a
/// fresh compiler process would JIT-compile for us).
/// </summary>
internal sealed class IdentifierSet
{
    internal const uint Seed = 2166136261;

    private readonly uint[] hashes;
    private readonly string?[] identifiers;

    public IdentifierSet(IEnumerable<string> names)
    {
        var distinct = new HashSet<string>(names, StringComparer.Ordinal);
        var size = 16;
        while (size < distinct.Count * 4)
            size *= 2;
        hashes = new uint[size];
        identifiers = new string?[size];
        foreach (var identifier in distinct)
        {
            var slot = (int)(HashOf(identifier.AsSpan()) & (uint)(size - 1));
            while (identifiers[slot] is not null)
                slot = (slot + 1) & (size - 1);
            hashes[slot] = HashOf(identifier.AsSpan());
            identifiers[slot] = identifier;
        }
    }

    /// <summary>FNV-1a over the characters.</summary>
    internal static uint Step(uint hash, char c) => unchecked((hash ^ c) * 16777619);

    private static uint HashOf(ReadOnlySpan<char> identifier)
    {
        var hash = Seed;
        foreach (var c in identifier)
            hash = Step(hash, c);
        return hash;
    }

    internal bool Contains(uint hash, ReadOnlySpan<char> identifier)
    {
        var mask = identifiers.Length - 1;
        for (var slot = (int)(hash & (uint)mask); identifiers[slot] is { } candidate; slot = (slot + 1) & mask)
        {
            if (hashes[slot] == hash && identifier.SequenceEqual(candidate.AsSpan()))
                return true;
        }
        return false;
    }
}
