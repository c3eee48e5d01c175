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
/// contains both <c>backward</c> and <c>step</c> (the precheck's condition, <see cref="TrainingPrecheck"/>), or, as a whole word, the
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
    private readonly Lazy<HelperNames> _trainingMethodNames;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, TrainingTextFilter> PerCompilation = new();

    /// <summary>
    /// What the text of each code block asked about says, kept with the block's syntax: the three TorchSharp rules
    /// each ask for every block of the project, and the block's text was copied and searched once per rule and question.
    /// The values are the eight preallocated <see cref="Words"/> combinations, so a block costs no allocation of ours.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, object> _words = new();
    private static readonly object[] BoxedWords = { (Words)0, (Words)1, (Words)2, (Words)3, (Words)4, (Words)5, (Words)6, (Words)7 };

    [Flags]
    private enum Words
    {
        /// <summary>backward and step, or a helper that trains: see <see cref="MayTrain"/>.</summary>
        Trains = 1,
        /// <summary>forward or call.</summary>
        Calls = 2,
        /// <summary>forward or call, and load.</summary>
        Loads = 4,
    }

    /// <summary>The filter of a compilation, shared by every rule that asks (it needs no symbols, so it is asked before any are bound).</summary>
    public static TrainingTextFilter For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new TrainingTextFilter(c));

    private TrainingTextFilter(Compilation compilation)
    {
        _compilation = compilation;
        _trainingMethodNames = new Lazy<HelperNames>(FindTrainingMethodNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool MayTrain(SyntaxNode code) => (WordsOf(code) & Words.Trains) != 0;

    /// <summary>
    /// Whether code may use a module outside training (its text contains <c>forward</c> or <c>call</c>), and whether it
    /// may load one (<c>load</c>): the same text search as <see cref="MayTrain"/>, superset answers included (a Unicode
    /// escape counts as every word).
    /// </summary>
    public (bool Calls, bool Loads) MayServe(SyntaxNode code)
    {
        var words = WordsOf(code);
        return ((words & Words.Calls) != 0, (words & Words.Loads) != 0);
    }

    private Words WordsOf(SyntaxNode code)
    {
        if (_words.TryGetValue(code, out var known))
            return (Words)known;
        var words = Search(code);
        // Two rules asking at once compute the same answer; the first one kept wins.
        return (Words)_words.GetValue(code, _ => BoxedWords[(int)words]);
    }

    private Words Search(SyntaxNode code)
    {
        var span = code.Span;
        var text = code.SyntaxTree.GetText();
        if (span.End > text.Length)
            return Words.Trains | Words.Calls | Words.Loads; // Never seen (a node and its tree's text agree); letting it through is the safe answer.
        var buffer = Copy(text, span);
        try
        {
            var chars = new ReadOnlySpan<char>(buffer, 0, span.Length);
            var escaped = chars.IndexOf(UnicodeEscape.AsSpan()) >= 0 || chars.IndexOf(LongUnicodeEscape.AsSpan()) >= 0;
            var words = default(Words);
            if (escaped || NamesBoth(chars) || _trainingMethodNames.Value.AnyIn(chars))
                words |= Words.Trains;
            if (escaped || chars.IndexOf(Forward.AsSpan()) >= 0 || chars.IndexOf(Call.AsSpan()) >= 0)
            {
                words |= Words.Calls;
                if (escaped || chars.IndexOf(Load.AsSpan()) >= 0)
                    words |= Words.Loads;
            }
            return words;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The names of the project's training methods, looked for in a block's text: a vectorized search per name while
    /// there are few (most projects name their training methods Train or Run), one hashing pass over the text for all of
    /// them when there are many. Either way a match in a longer word or a comment only lets the block through.
    /// </summary>
    private sealed class HelperNames
    {
        private const int SearchedOneByOne = 12;
        private readonly string[] _names;
        private readonly IdentifierSet? _set;

        public HelperNames(ICollection<string> names)
        {
            _names = new string[names.Count];
            names.CopyTo(_names, 0);
            _set = _names.Length > SearchedOneByOne ? new IdentifierSet(_names) : null;
        }

        public bool AnyIn(ReadOnlySpan<char> chars)
        {
            if (_set is not null)
                return CodeText.HasIdentifier(chars, _set);
            foreach (var name in _names)
            {
                if (chars.IndexOf(name.AsSpan()) >= 0)
                    return true;
            }
            return false;
        }
    }

    /// <summary>
    /// Names of the methods and local functions of this compilation whose own text contains backward and step. Only
    /// the declarations around each occurrence of <c>backward</c> (or of a Unicode escape) are looked at, found from
    /// the token at that position up: walking every node of every tree took a sixth of our time in a warm build.
    /// </summary>
    private HelperNames FindTrainingMethodNames()
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
        return new HelperNames(names);
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
