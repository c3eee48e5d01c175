using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Everything the TorchSharp rules compute per compilation: the known symbols, the options per syntax tree, each
/// method's diagnostics (computed once, read by both analyzers) and the helper-method summaries (computed once,
/// read by every caller). Keyed by the compilation, so nothing is shared between compilations.
/// </summary>
internal sealed class TorchCompilationAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, TorchCompilationAnalysis> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _analyzerOptions;
    private readonly ConcurrentDictionary<SyntaxTree, ScalingOptions> _options = new();
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<ImmutableArray<Diagnostic>>> _diagnostics = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<TrainingSummary?>> _summaries = new(SymbolEqualityComparer.Default);

    private TorchCompilationAnalysis(Compilation compilation, AnalyzerOptions analyzerOptions, TorchSymbols symbols)
    {
        _compilation = compilation;
        _analyzerOptions = analyzerOptions;
        Symbols = symbols;
    }

    public TorchSymbols Symbols { get; }

    /// <summary>Null when the compilation does not reference TorchSharp.</summary>
    public static TorchCompilationAnalysis? For(Compilation compilation, AnalyzerOptions options)
    {
        if (PerCompilation.TryGetValue(compilation, out var existing))
            return existing;
        var symbols = TorchSymbols.TryCreate(compilation);
        if (symbols is null)
            return null;
        return PerCompilation.GetValue(compilation, c => new TorchCompilationAnalysis(c, options, symbols));
    }

    public ScalingOptions OptionsFor(SyntaxTree tree)
        => _options.GetOrAdd(tree, t => ScalingOptions.Read(_analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(t)));

    /// <summary>The diagnostics of one method body, computed by whichever analyzer asks first.</summary>
    public ImmutableArray<Diagnostic> DiagnosticsFor(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        var lazy = _diagnostics.GetOrAdd(method, _ => new Lazy<ImmutableArray<Diagnostic>>(() => Analyze(method, body, cancellationToken)));
        return ValueOf(_diagnostics, method, lazy);
    }

    /// <summary>
    /// A Lazy caches its exception: a run cancelled for one request (the IDE cancels and restarts analyses on the same
    /// compilation) must not poison the entry for the next one, so a cancelled entry is removed before rethrowing.
    /// </summary>
    private static T ValueOf<T>(ConcurrentDictionary<IMethodSymbol, Lazy<T>> cache, IMethodSymbol key, Lazy<T> lazy)
    {
        try
        {
            return lazy.Value;
        }
        catch (OperationCanceledException)
        {
            ((ICollection<KeyValuePair<IMethodSymbol, Lazy<T>>>)cache).Remove(new KeyValuePair<IMethodSymbol, Lazy<T>>(key, lazy));
            throw;
        }
    }

    private ImmutableArray<Diagnostic> Analyze(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        if (!TrainingPrecheck.MayTrain(body, Symbols, followHelpers: true))
            return ImmutableArray<Diagnostic>.Empty;
        var options = OptionsFor(body.Syntax.SyntaxTree);
        var facts = TrainingInterpreter.Interpret(body, method, Symbols, options, helper => SummaryFor(helper, cancellationToken), cancellationToken);
        return ScalingFindings.Find(facts, options, cancellationToken);
    }

    /// <summary>What a helper method of this compilation does with its tensor parameters (not following further helpers).</summary>
    public TrainingSummary? SummaryFor(IMethodSymbol method, CancellationToken cancellationToken)
        => ValueOf(_summaries, method, _summaries.GetOrAdd(method, m => new Lazy<TrainingSummary?>(() => Summarize(m, cancellationToken))));

    private TrainingSummary? Summarize(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
            return null;
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            return null;
#pragma warning disable RS1030 // The helper's body lives in another method (maybe another tree); its summary is computed once per compilation.
        var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        var body = model.GetOperation(syntax, cancellationToken);
        if (body is null || !TrainingPrecheck.MayTrain(body, Symbols, followHelpers: false))
            return null;
        var options = OptionsFor(syntax.SyntaxTree);
        var facts = TrainingInterpreter.Interpret(body, method, Symbols, options, helperSummaries: null, cancellationToken);
        var reachParameters = facts.HasIncompleteAdaptiveReach() ? ReachParameters.Find(body, method, Symbols) : ImmutableArray<int>.Empty;
        var summary = ScalingFindings.Summarize(facts, method.Name, reachParameters, reachParameters.IsEmpty ? null : (constants, token) =>
            TrainingInterpreter.Interpret(body, method, Symbols, options, helperSummaries: null, token, constants).AdaptiveReach());
        return summary.IsEmpty ? null : summary;
    }
}

/// <summary>The cheap test run before any interpretation: does the body call backward() and an optimizer's step()?</summary>
internal static class TrainingPrecheck
{
    public static bool MayTrain(IOperation body, TorchSymbols symbols, bool followHelpers)
    {
        bool backward = false, step = false;
        foreach (var operation in body.Descendants())
        {
            if (operation is not IInvocationOperation invocation)
                continue;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "backward":
                    backward |= symbols.IsTensor(method.ContainingType);
                    break;
                case "step":
                    step |= symbols.IsOptimizer(invocation.Instance?.Type);
                    break;
                default:
                    if (followHelpers && !method.DeclaringSyntaxReferences.IsEmpty && HasTensorParameter(method, symbols))
                        return true;
                    break;
            }
            if (backward && step)
                return true;
        }
        return false;
    }

    private static bool HasTensorParameter(IMethodSymbol method, TorchSymbols symbols)
    {
        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsTensor(parameter.Type))
                return true;
        }
        return false;
    }
}
