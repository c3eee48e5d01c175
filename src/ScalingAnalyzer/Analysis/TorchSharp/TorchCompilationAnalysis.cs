using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Everything the TorchSharp rules compute per compilation: the known symbols, the options per syntax tree, each
/// method's diagnostics (computed once, read by both analyzers), the helper-method summaries (computed once,
/// read by every caller) and the program's summaries (<see cref="ProgramSummaries"/>: what calls return, what fields hold). Keyed by the compilation, so nothing is shared between compilations.
/// </summary>
internal sealed class TorchCompilationAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, TorchCompilationAnalysis> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _analyzerOptions;
    private readonly ConcurrentDictionary<SyntaxTree, ScalingOptions> _options = new();
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<ImmutableArray<Diagnostic>>> _diagnostics = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<TrainingSummary?>> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<Dictionary<ISymbol, ModelTraining>>> _modelsTrained = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<bool>> _typesThatTrain = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<Dictionary<ISymbol, ModelTraining>>> _fieldTraining = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ProgramSummaries _program;
    private readonly TrainingTextFilter _textFilter;

    private TorchCompilationAnalysis(Compilation compilation, AnalyzerOptions analyzerOptions, TorchSymbols symbols)
    {
        _compilation = compilation;
        _analyzerOptions = analyzerOptions;
        Symbols = symbols;
        _program = new ProgramSummaries(compilation, symbols, OptionsFor, SemanticModelFor);
        _program.Objects = new TorchObjectModels(_program);
        _program.DataFiles = ProjectDataFiles.For(compilation, analyzerOptions);
        _textFilter = TrainingTextFilter.For(compilation);
    }

    public TorchSymbols Symbols { get; }

    /// <summary>Null when the compilation does not reference TorchSharp.</summary>
    public static TorchCompilationAnalysis? For(Compilation compilation, AnalyzerOptions options)
        => PerCompilation.TryGetValue(compilation, out var existing) ? existing : Create(compilation, options);

    /// <summary>Apart from <see cref="For"/>: the lambda's closure would be allocated on every call, found or not.</summary>
    private static TorchCompilationAnalysis? Create(Compilation compilation, AnalyzerOptions options)
    {
        var symbols = TorchSymbols.TryCreate(compilation);
        if (symbols is null)
            return null;
        return PerCompilation.GetValue(compilation, c => new TorchCompilationAnalysis(c, options, symbols));
    }

    /// <summary>
    /// One semantic model per tree for the code this analysis reads outside the callback's own body (helpers, the
    /// initializers and constructors of fields): a new model per request would bind the same bodies again.
    /// </summary>
#pragma warning disable RS1030 // Helpers and fields live in other members (maybe other trees); each is computed once per compilation.
    private SemanticModel SemanticModelFor(SyntaxTree tree) => _models.TryGetValue(tree, out var model) ? model : _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    public ScalingOptions OptionsFor(SyntaxTree tree)
        => _options.TryGetValue(tree, out var options) ? options : _options.GetOrAdd(tree, t => ScalingOptions.Read(_analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(t)));

    /// <summary>The diagnostics of one method body, computed by whichever analyzer asks first.</summary>
    public ImmutableArray<Diagnostic> DiagnosticsFor(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        // Looked up first, and the entry made elsewhere: its lambdas are a closure and two delegates, and the three
        // rules ask for every method.
        if (!_diagnostics.TryGetValue(method, out var lazy))
            lazy = AddDiagnosticsEntry(method, body, cancellationToken);
        return ValueOf(_diagnostics, method, lazy);
    }

    private Lazy<ImmutableArray<Diagnostic>> AddDiagnosticsEntry(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
        => _diagnostics.GetOrAdd(method, _ => new Lazy<ImmutableArray<Diagnostic>>(() => Analyze(method, body, cancellationToken)));

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

    /// <summary>
    /// The method's own code, then each local function and lambda declared directly in it as a method of its own
    /// (variables they capture are unknown to them, so they only report what they can bound themselves).
    /// </summary>
    private ImmutableArray<Diagnostic> Analyze(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        var scan = TrainingPrecheck.Scan(body, Symbols, followHelpers: true);
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var serves = !scan.MayTrain && MayServe(method, body.Syntax, cancellationToken);
        if (scan.MayTrain || serves)
        {
            var options = OptionsFor(body.Syntax.SyntaxTree);
            var facts = FactsOf(method, body, withHelpers: true, cancellationToken);
            if (scan.MayTrain)
            {
                // What this method trains, for the other methods of its class (kept without the operation trees).
                var trained = ModelTraining.Of(facts);
                _modelsTrained.TryAdd(method, new Lazy<Dictionary<ISymbol, ModelTraining>>(() => trained));
            }
            var found = ImmutableArray.CreateBuilder<Diagnostic>();
            if (scan.MayTrain)
                found.AddRange(ScalingFindings.Find(facts, options, cancellationToken));
            SkewFindings.Find(facts, field => FieldTraining(field, cancellationToken), path => SavedModelTraining(path, cancellationToken), found);
            diagnostics = found.ToImmutable();
        }
        foreach (var (function, functionBody) in scan.NestedFunctions)
            diagnostics = diagnostics.AddRange(DiagnosticsFor(function, functionBody, cancellationToken));
        return diagnostics;
    }

    /// <summary>The modules one training method trains, and on what (computed once, by its own analysis or by a class's).</summary>
    private Dictionary<ISymbol, ModelTraining> ModelsTrainedBy(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
        => ValueOf(_modelsTrained, method, _modelsTrained.GetOrAdd(method, m => new Lazy<Dictionary<ISymbol, ModelTraining>>(() =>
            ModelTraining.Of(FactsOf(m, body, withHelpers: true, cancellationToken)))));

    /// <summary>Interpretations by body, kept only as long as the body's operation tree is (they refer to its operations).</summary>
    private readonly ConditionalWeakTable<IOperation, MethodTrainingFacts> _factsWithHelpers = new();
    private readonly ConditionalWeakTable<IOperation, MethodTrainingFacts> _factsAlone = new();

    /// <summary>
    /// The interpretation of a method's body, with the training summaries of the helpers it calls (its own analysis)
    /// or without them (its summary, for its callers). A training method is asked for both when another method calls
    /// it; when its interpretation met no call where summaries are consulted (<see cref="MethodTrainingFacts.MeetsHelpers"/>),
    /// the two are the same facts and it is interpreted once.
    /// </summary>
    private MethodTrainingFacts FactsOf(IMethodSymbol method, IOperation body, bool withHelpers, CancellationToken cancellationToken)
    {
        var (mine, other) = withHelpers ? (_factsWithHelpers, _factsAlone) : (_factsAlone, _factsWithHelpers);
        if (mine.TryGetValue(body, out var facts))
            return facts;
        if (other.TryGetValue(body, out var shared) && !shared.MeetsHelpers)
            return shared;
        return Interpret(mine, method, body, withHelpers, cancellationToken);
    }

    /// <summary>Apart from <see cref="FactsOf"/>, whose every call (most find the facts made) would otherwise allocate these closures.</summary>
    private MethodTrainingFacts Interpret(ConditionalWeakTable<IOperation, MethodTrainingFacts> table, IMethodSymbol method, IOperation body, bool withHelpers, CancellationToken cancellationToken)
    {
        var facts = TrainingInterpreter.Interpret(body, method, Symbols, OptionsFor(body.Syntax.SyntaxTree),
            withHelpers ? helper => SummaryFor(helper, cancellationToken) : null, _program, cancellationToken);
        return table.GetValue(body, _ => facts);
    }

    /// <summary>
    /// A method that trains nothing but may use a module trained elsewhere: its class has a method whose text can train
    /// (a Predict method beside Train), or it loads a model (a service), and it calls forward or call.
    /// </summary>
    public bool MayServe(IMethodSymbol method, SyntaxNode code, CancellationToken cancellationToken)
    {
        var type = method.ContainingType;
        if (type is null)
            return false;
        cancellationToken.ThrowIfCancellationRequested();
        var (calls, loads) = _textFilter.MayServe(code);
        // A model loaded from a file (a service): compared with what the training that saved it was given.
        if (calls && loads)
            return true;
        if (!calls)
            return false;
        if (!_typesThatTrain.TryGetValue(type, out var typeMayTrain))
            typeMayTrain = AddTypeEntry(type, cancellationToken);
        return ValueOfType(_typesThatTrain, type, typeMayTrain);
    }

    private Lazy<bool> AddTypeEntry(INamedTypeSymbol type, CancellationToken cancellationToken)
        => _typesThatTrain.GetOrAdd(type, t => new Lazy<bool>(() => TypeMayTrain(t, cancellationToken)));

    private bool TypeMayTrain(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol)
                continue;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (_textFilter.MayTrain(reference.GetSyntax(cancellationToken)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>How the methods of the field's class train the module the field (or property) holds; null when none does.</summary>
    private ModelTraining? FieldTraining(ISymbol field, CancellationToken cancellationToken)
    {
        var type = field.ContainingType;
        if (type is null)
            return null;
        var trained = ValueOfType(_fieldTraining, type, _fieldTraining.GetOrAdd(type, t => new Lazy<Dictionary<ISymbol, ModelTraining>>(() => TrainFields(t, cancellationToken))));
        return trained.TryGetValue(field, out var training) ? training : null;
    }

    private Dictionary<ISymbol, ModelTraining> TrainFields(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<ISymbol, ModelTraining>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method || method.DeclaringSyntaxReferences.Length != 1)
                continue;
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree) || !_textFilter.MayTrain(syntax))
                continue;
            var body = TrainingPrecheck.BodyOf(SemanticModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken));
            if (body is null || !TrainingPrecheck.Scan(body, Symbols, followHelpers: true).MayTrain)
                continue;
            foreach (var pair in ModelsTrainedBy(method, body, cancellationToken))
            {
                if (pair.Key is not (IFieldSymbol or IPropertySymbol) || !SymbolEqualityComparer.Default.Equals(pair.Key.ContainingType, type))
                    continue;
                if (fields.TryGetValue(pair.Key, out var known))
                    known.Merge(pair.Value);
                else
                    fields.Add(pair.Key, ModelTraining.Copy(pair.Value));
            }
        }
        return fields;
    }

    /// <summary>
    /// How the model a training method saved to <paramref name="path"/> (a constant) was trained, over the whole
    /// compilation: a service that loads it must scale its input the same way. Null when no training saves there.
    /// </summary>
    private ModelTraining? SavedModelTraining(string path, CancellationToken cancellationToken)
    {
        var saved = _savedModels;
        if (saved is null)
        {
            saved = FindSavedModels(cancellationToken);
            Interlocked.CompareExchange(ref _savedModels, saved, null);
        }
        return saved.TryGetValue(path, out var training) ? training : null;
    }

    private Dictionary<string, ModelTraining>? _savedModels;

    private static readonly string[] SaveWord = { ".save(" };

    private Dictionary<string, ModelTraining> FindSavedModels(CancellationToken cancellationToken)
    {
        var saved = new Dictionary<string, ModelTraining>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            // The text first, in a pooled copy (CodeText): no string made of each file and method.
            if (!CodeText.ContainsOneOfEach(root, SaveWord, SaveWord))
                continue;
            foreach (var declaration in root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (!CodeText.ContainsOneOfEach(declaration, SaveWord, SaveWord) || !_textFilter.MayTrain(declaration))
                    continue;
                var model = SemanticModelFor(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method)
                    continue;
                var body = TrainingPrecheck.BodyOf(model.GetOperation(declaration, cancellationToken));
                if (body is null || !TrainingPrecheck.Scan(body, Symbols, followHelpers: true).MayTrain)
                    continue;
                foreach (var training in ModelsTrainedBy(method, body, cancellationToken).Values)
                {
                    foreach (var path in training.SavedTo)
                    {
                        if (saved.TryGetValue(path, out var known))
                            known.Merge(training);
                        else
                            saved.Add(path, ModelTraining.Copy(training));
                    }
                }
            }
        }
        return saved;
    }

    private static T ValueOfType<T>(ConcurrentDictionary<INamedTypeSymbol, Lazy<T>> cache, INamedTypeSymbol key, Lazy<T> lazy)
    {
        try
        {
            return lazy.Value;
        }
        catch (OperationCanceledException)
        {
            ((ICollection<KeyValuePair<INamedTypeSymbol, Lazy<T>>>)cache).Remove(new KeyValuePair<INamedTypeSymbol, Lazy<T>>(key, lazy));
            throw;
        }
    }


    /// <summary>What the methods and fields of this compilation return and hold: the entry point for every rule.</summary>
    public ProgramSummaries Program => _program;

    /// <summary>What a helper method of this compilation does with its tensor parameters (not following further helpers).</summary>
    public TrainingSummary? SummaryFor(IMethodSymbol method, CancellationToken cancellationToken)
        => ValueOf(_summaries, method, _summaries.TryGetValue(method, out var known) ? known : AddSummaryEntry(method, cancellationToken));

    /// <summary>Apart from <see cref="SummaryFor"/>, whose every call would otherwise allocate this closure, found or not.</summary>
    private Lazy<TrainingSummary?> AddSummaryEntry(IMethodSymbol method, CancellationToken cancellationToken)
        => _summaries.GetOrAdd(method, m => new Lazy<TrainingSummary?>(() => Summarize(m, cancellationToken)));

    private TrainingSummary? Summarize(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
            return null;
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            return null;
        var model = SemanticModelFor(syntax.SyntaxTree);
        var body = TrainingPrecheck.BodyOf(model.GetOperation(syntax, cancellationToken));
        if (body is null || !TrainingPrecheck.Scan(body, Symbols, followHelpers: false).MayTrain)
            return null;
        var options = OptionsFor(syntax.SyntaxTree);
        var facts = FactsOf(method, body, withHelpers: false, cancellationToken);
        var reachParameters = facts.HasIncompleteAdaptiveReach() ? ReachParameters.Find(body, method, Symbols) : ImmutableArray<int>.Empty;
        var summary = ScalingFindings.Summarize(facts, method.Name, reachParameters, reachParameters.IsEmpty ? null : (constants, token) =>
            TrainingInterpreter.Interpret(body, method, Symbols, options, helperSummaries: null, _program, token, constants).AdaptiveReach());
        return summary.IsEmpty ? null : summary;
    }
}

/// <summary>
/// The cheap walk run before any interpretation: does the body call backward() and an optimizer's step() (or a
/// helper of this compilation that takes a tensor)? It also collects the local functions and lambdas declared
/// directly in the body, which the interpretation of the body skips and which are analysed as methods of their own.
/// </summary>
internal static class TrainingPrecheck
{
    public readonly struct Result
    {
        public Result(bool mayTrain, ImmutableArray<(IMethodSymbol Function, IOperation Body)> nestedFunctions)
        {
            MayTrain = mayTrain;
            NestedFunctions = nestedFunctions;
        }

        public bool MayTrain { get; }
        public ImmutableArray<(IMethodSymbol Function, IOperation Body)> NestedFunctions { get; }
    }

    /// <summary>
    /// Whether the body may train (backward and an optimizer step, or, with <paramref name="followHelpers"/>, a call of a
    /// method of the compilation that takes a tensor), and its local functions and lambdas. One walk per body, kept
    /// with the body's operation tree: a training method is asked for by its own analysis, its class's and its callers'.
    /// </summary>
    public static Result Scan(IOperation body, TorchSymbols symbols, bool followHelpers)
    {
        if (!Scans.TryGetValue(body, out var scanned))
            scanned = ScanOnce(body, symbols);
        return new Result(scanned.Trains || (followHelpers && scanned.CallsTensorHelper), scanned.NestedFunctions);
    }

    /// <summary>Apart from <see cref="Scan"/>, so that a body already scanned costs no closure.</summary>
    private static Scanned ScanOnce(IOperation body, TorchSymbols symbols) => Scans.GetValue(body, b => Walk(b, symbols));

    private sealed class Scanned
    {
        public Scanned(bool trains, bool callsTensorHelper, ImmutableArray<(IMethodSymbol Function, IOperation Body)> nestedFunctions)
        {
            Trains = trains;
            CallsTensorHelper = callsTensorHelper;
            NestedFunctions = nestedFunctions;
        }

        public bool Trains { get; }
        public bool CallsTensorHelper { get; }
        public ImmutableArray<(IMethodSymbol Function, IOperation Body)> NestedFunctions { get; }
    }

    private static readonly ConditionalWeakTable<IOperation, Scanned> Scans = new();

    [ThreadStatic]
    private static Stack<IOperation>? t_pending;

    private static Scanned Walk(IOperation body, TorchSymbols symbols)
    {
        bool backward = false, step = false, helper = false, nestedBackward = false;
        ImmutableArray<(IMethodSymbol, IOperation)>.Builder? nested = null;
        // A stack kept per thread: grown anew for every body, it was most of what this walk allocated.
        var pending = t_pending ?? new Stack<IOperation>(64);
        t_pending = null;
        pending.Clear();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            // By kind first: three type patterns per operation were interface casts on every node of every body.
            switch (operation.Kind)
            {
                case OperationKind.LocalFunction when operation is ILocalFunctionOperation { Symbol: var function } localFunction && BodyOf(localFunction) is { } functionBody:
                    (nested ??= ImmutableArray.CreateBuilder<(IMethodSymbol, IOperation)>()).Add((function, functionBody));
                    nestedBackward |= !nestedBackward && CallsBackward(functionBody, symbols);
                    continue;
                case OperationKind.AnonymousFunction when operation is IAnonymousFunctionOperation { Symbol: var lambda, Body: var lambdaBody }:
                    (nested ??= ImmutableArray.CreateBuilder<(IMethodSymbol, IOperation)>()).Add((lambda, lambdaBody));
                    nestedBackward |= !nestedBackward && CallsBackward(lambdaBody, symbols);
                    continue;
                case OperationKind.Invocation when operation is IInvocationOperation invocation:
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
                            helper |= !helper && !method.DeclaringSyntaxReferences.IsEmpty && symbols.HasTensorParameter(method);
                            break;
                    }
                    break;
            }
            foreach (var child in operation.ChildOperations)
                pending.Push(child);
        }
        t_pending = pending;
        // A closure with backward() handed to step(closure) (LBFGS) trains in this method.
        return new Scanned(step && (backward || nestedBackward), helper, nested?.ToImmutable() ?? ImmutableArray<(IMethodSymbol, IOperation)>.Empty);
    }

    private static bool CallsBackward(IOperation body, TorchSymbols symbols)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "backward" } invocation && symbols.IsTensor(invocation.TargetMethod.ContainingType))
                return true;
        }
        return false;
    }

    /// <summary>The executable body of what a declaration's syntax gives: a method's body, a local function's block.</summary>
    public static IOperation? BodyOf(IOperation? declaration) => declaration switch
    {
        ILocalFunctionOperation localFunction => (IOperation?)localFunction.Body ?? localFunction.IgnoredBody,
        IAnonymousFunctionOperation lambda => lambda.Body,
        _ => declaration,
    };
}
