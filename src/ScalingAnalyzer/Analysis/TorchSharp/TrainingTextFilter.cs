using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The syntactic filter of the TorchSharp rules, run before anything is bound: code can only train when its text
/// contains both <c>backward</c> and <c>step</c> (the precheck's condition, <see cref="TrainingPrecheck"/>), or the
/// name of a method or local function of this compilation whose own text contains both (a helper that trains).
/// <list type="bullet">
/// <item>It searches the source text for these words (a vectorized <c>IndexOf</c> over a pooled copy of the code's
/// characters, so no text is kept): walking the tokens of every code block, as this filter did before, was the
/// largest part of our analyzers' time in a warm build of the generated ML project.</item>
/// <item>A word found in a comment, a string or a longer identifier (<c>stepSize</c>) lets the code through to the
/// semantic precheck, which decides: the filter may pass too much, never too little. An identifier written with a
/// Unicode escape (<c>b\u0061ckward</c>) does not contain the word, so a <c>\u</c> anywhere in the code lets it
/// through as well.</item>
/// </list>
/// </summary>
internal sealed class TrainingTextFilter
{
    private const string Backward = "backward", Step = "step", UnicodeEscape = "\\u", LongUnicodeEscape = "\\U";
    private const string Forward = "forward", Call = "call", Load = "load";

    private readonly Compilation _compilation;
    private readonly Lazy<List<string>> _trainingMethodNames;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, TrainingTextFilter> PerCompilation = new();

    /// <summary>The filter of a compilation, shared by every rule that asks (it needs no symbols, so it is asked before any are bound).</summary>
    public static TrainingTextFilter For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new TrainingTextFilter(c));

    private TrainingTextFilter(Compilation compilation)
    {
        _compilation = compilation;
        _trainingMethodNames = new Lazy<List<string>>(FindTrainingMethodNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool MayTrain(SyntaxNode code)
    {
        var helpers = _trainingMethodNames.Value;
        var span = code.Span;
        var text = code.SyntaxTree.GetText();
        if (span.End > text.Length)
            return true; // Never seen (a node and its tree's text agree); letting it through is the safe answer.
        var buffer = Copy(text, span);
        try
        {
            var chars = new ReadOnlySpan<char>(buffer, 0, span.Length);
            if (NamesBoth(chars))
                return true;
            foreach (var helper in helpers)
            {
                if (chars.IndexOf(helper.AsSpan()) >= 0)
                    return true;
            }
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Whether code may use a module outside training (its text contains <c>forward</c> or <c>call</c>), and whether it
    /// may load one (<c>load</c>): the same text search as <see cref="MayTrain"/>, superset answers included (a Unicode
    /// escape counts as every word).
    /// </summary>
    public static (bool Calls, bool Loads) MayServe(SyntaxNode code)
    {
        var span = code.Span;
        var text = code.SyntaxTree.GetText();
        if (span.End > text.Length)
            return (true, true);
        var buffer = Copy(text, span);
        try
        {
            var chars = new ReadOnlySpan<char>(buffer, 0, span.Length);
            var escaped = chars.IndexOf(UnicodeEscape.AsSpan()) >= 0 || chars.IndexOf(LongUnicodeEscape.AsSpan()) >= 0;
            var calls = escaped || chars.IndexOf(Forward.AsSpan()) >= 0 || chars.IndexOf(Call.AsSpan()) >= 0;
            return (calls, calls && (escaped || chars.IndexOf(Load.AsSpan()) >= 0));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Names of the methods and local functions of this compilation whose own text contains backward and step. Only
    /// the declarations around each occurrence of <c>backward</c> (or of a Unicode escape) are looked at, found from
    /// the token at that position up: walking every node of every tree took a sixth of our time in a warm build.
    /// </summary>
    private List<string> FindTrainingMethodNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var text = tree.GetText();
            var buffer = Copy(text, new TextSpan(0, text.Length));
            try
            {
                var chars = new ReadOnlySpan<char>(buffer, 0, text.Length);
                if (NamesBoth(chars))
                    AddTrainingMethodsAround(tree.GetRoot(), chars, names);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
        return new List<string>(names);
    }

    private static void AddTrainingMethodsAround(SyntaxNode root, ReadOnlySpan<char> text, HashSet<string> names)
    {
        foreach (var anchor in Anchors)
        {
            for (var at = text.IndexOf(anchor.AsSpan()); at >= 0;)
            {
                for (var node = root.FindToken(at).Parent; node is not null; node = node.Parent)
                {
                    var identifier = node switch
                    {
                        MethodDeclarationSyntax declaration => declaration.Identifier,
                        LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                        _ => default,
                    };
                    if (identifier.ValueText is { Length: > 0 } name && node.Span.End <= text.Length
                        && NamesBoth(text.Slice(node.Span.Start, node.Span.Length)))
                    {
                        names.Add(name);
                    }
                }
                var next = text.Slice(at + anchor.Length).IndexOf(anchor.AsSpan());
                at = next < 0 ? -1 : at + anchor.Length + next;
            }
        }
    }

    /// <summary>Every method that names both contains one of these (see <see cref="NamesBoth"/>).</summary>
    private static readonly string[] Anchors = { Backward, UnicodeEscape, LongUnicodeEscape };

    /// <summary>The characters of <paramref name="span"/> (within the text) in a pooled buffer, to be returned.</summary>
    private static char[] Copy(SourceText text, TextSpan span)
    {
        var buffer = ArrayPool<char>.Shared.Rent(span.Length);
        text.CopyTo(span.Start, buffer, 0, span.Length);
        return buffer;
    }

    private static bool NamesBoth(ReadOnlySpan<char> text)
        => text.IndexOf(Backward.AsSpan()) >= 0 && text.IndexOf(Step.AsSpan()) >= 0
           || text.IndexOf(UnicodeEscape.AsSpan()) >= 0 || text.IndexOf(LongUnicodeEscape.AsSpan()) >= 0;
}
