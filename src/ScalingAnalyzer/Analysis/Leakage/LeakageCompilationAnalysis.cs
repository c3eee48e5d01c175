using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>
/// The leakage analysis of one compilation: the TorchSharp symbols, the summaries of helper methods (computed once,
/// read by every caller), and the text pre-check that keeps every other method from being bound.
/// </summary>
internal sealed class LeakageCompilationAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, LeakageCompilationAnalysis> PerCompilation = new();

    /// <summary>Words one of which a method that splits rows contains (or calls a helper named for splitting).</summary>
    private static readonly string[] SplitWords = { "narrow", "split", "Split", "chunk", "index", "Slice", "..", "Take", "Skip", "GetRange", "unbind", "Select", "Add(", "slice", "Where" };

    /// <summary>Words one of which a method that computes a statistic contains (or calls a helper named for scaling).</summary>
    private static readonly string[] StatisticWords = { "mean", "std", ".var", "min", "max", "Min", "Max", "Average", "Sum", "Fit", "median", "quantile", "+=", "Standard", "Normal", "Scale", "scale" };

    private static readonly string[] HelperWords = Concat(new[] { "forward", "call", "_loss" }, SplitWords, StatisticWords);

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<LeakageSummary?>> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    private LeakageCompilationAnalysis(Compilation compilation, TorchSymbols symbols)
    {
        _compilation = compilation;
        Symbols = symbols;
    }

    public TorchSymbols Symbols { get; }

    /// <summary>Null when the compilation does not reference TorchSharp.</summary>
    public static LeakageCompilationAnalysis? For(Compilation compilation)
        => PerCompilation.TryGetValue(compilation, out var existing) ? existing : Create(compilation);

    /// <summary>Apart from <see cref="For"/>: the lambda's closure would be allocated on every call, found or not.</summary>
    private static LeakageCompilationAnalysis? Create(Compilation compilation)
    {
        var symbols = TorchSymbols.TryCreate(compilation);
        return symbols is null ? null : PerCompilation.GetValue(compilation, c => new LeakageCompilationAnalysis(c, symbols));
    }

    /// <summary>The cheap filter before binding: the code names a split and a statistic.</summary>
    public static bool MaySplitAfterStatistics(SyntaxNode code) => CodeText.ContainsOneOfEach(code, SplitWords, StatisticWords);

    public List<LeakFinding> FindingsFor(IOperation body, CancellationToken cancellationToken)
    {
        var facts = RowFlowInterpreter.Interpret(body, Symbols, method => SummaryFor(method, cancellationToken), summaryMode: false, cancellationToken);
        return facts is null ? new List<LeakFinding>() : LeakageFindings.Find(facts);
    }

#pragma warning disable RS1030 // Helpers live in other members (maybe other trees); each summary is computed once per compilation.
    private SemanticModel SemanticModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    private LeakageSummary? SummaryFor(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var lazy = _summaries.GetOrAdd(method, m => new Lazy<LeakageSummary?>(() => Summarize(m, cancellationToken)));
        try
        {
            return lazy.Value;
        }
        catch (OperationCanceledException)
        {
            ((ICollection<KeyValuePair<IMethodSymbol, Lazy<LeakageSummary?>>>)_summaries).Remove(new KeyValuePair<IMethodSymbol, Lazy<LeakageSummary?>>(method, lazy));
            throw;
        }
    }

    /// <summary>One level: the helper's own model calls, not those of helpers it calls in turn.</summary>
    private LeakageSummary? Summarize(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1 || !HasDataParameter(method))
            return null;
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            return null;
        // A helper that runs a model, scales its data with statistics, or splits it.
        if (!CodeText.ContainsOneOfEach(syntax, HelperWords, HelperWords))
            return null;
        var body = TrainingPrecheck.BodyOf(SemanticModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken));
        if (body is null)
            return null;
        var facts = RowFlowInterpreter.Interpret(body, Symbols, summaries: null, summaryMode: true, cancellationToken);
        return facts is null ? null : LeakageSummary.From(facts);
    }

    private static string[] Concat(params string[][] groups)
    {
        var all = new List<string>();
        foreach (var group in groups)
            all.AddRange(group);
        return all.ToArray();
    }

    private bool HasDataParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (Symbols.IsTensor(parameter.Type) || RowFlowInterpreter.IsDataCollection(parameter.Type))
                return true;
        }
        return false;
    }
}
