using System;
using System.Collections.Concurrent;
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
/// <item>It searches the text of the tree for these words (<see cref="string.IndexOf(string, int, int, StringComparison)"/>,
/// vectorized): walking the tokens of every code block, as this filter did before, was the largest part of our
/// analyzers' time in a warm build of the generated ML project.</item>
/// <item>A word found in a comment, a string or a longer identifier (<c>stepSize</c>) lets the code through to the
/// semantic precheck, which decides: the filter may pass too much, never too little. An identifier written with a
/// Unicode escape (<c>b\u0061ckward</c>) does not contain the word, so a <c>\u</c> anywhere in the code lets it
/// through as well.</item>
/// </list>
/// </summary>
internal sealed class TrainingTextFilter
{
    private const string Backward = "backward", Step = "step", UnicodeEscape = "\\u", LongUnicodeEscape = "\\U";

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, string> _texts = new();
    private readonly Lazy<List<string>> _trainingMethodNames;

    public TrainingTextFilter(Compilation compilation)
    {
        _compilation = compilation;
        _trainingMethodNames = new Lazy<List<string>>(FindTrainingMethodNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool MayTrain(SyntaxNode code)
    {
        var text = TextOf(code.SyntaxTree);
        var span = code.Span;
        if (NamesBoth(text, span))
            return true;
        foreach (var helper in _trainingMethodNames.Value)
        {
            if (Contains(text, span, helper))
                return true;
        }
        return false;
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
            var text = TextOf(tree);
            if (!NamesBoth(text, new TextSpan(0, text.Length)))
                continue;
            var root = tree.GetRoot();
            foreach (var anchor in Anchors)
            {
                for (var at = text.IndexOf(anchor, StringComparison.Ordinal); at >= 0; at = text.IndexOf(anchor, at + anchor.Length, StringComparison.Ordinal))
                {
                    for (var node = root.FindToken(at).Parent; node is not null; node = node.Parent)
                    {
                        var identifier = node switch
                        {
                            MethodDeclarationSyntax declaration => declaration.Identifier,
                            LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                            _ => default,
                        };
                        if (identifier.ValueText is { Length: > 0 } name && NamesBoth(text, node.Span))
                            names.Add(name);
                    }
                }
            }
        }
        return new List<string>(names);
    }

    /// <summary>Every method that names both contains one of these (see <see cref="NamesBoth"/>).</summary>
    private static readonly string[] Anchors = { Backward, UnicodeEscape, LongUnicodeEscape };

    private string TextOf(SyntaxTree tree) => _texts.GetOrAdd(tree, t => t.GetText().ToString());

    private static bool NamesBoth(string text, TextSpan span)
        => Contains(text, span, Backward) && Contains(text, span, Step) || Contains(text, span, UnicodeEscape) || Contains(text, span, LongUnicodeEscape);

    /// <summary>A span outside the text (which the tree's own text and node never give) counts as containing the word.</summary>
    private static bool Contains(string text, TextSpan span, string word)
        => span.End > text.Length || text.IndexOf(word, span.Start, span.Length, StringComparison.Ordinal) >= 0;
}
