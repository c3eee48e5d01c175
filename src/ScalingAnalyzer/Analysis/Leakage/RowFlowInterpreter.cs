using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.Leakage;

/// <summary>
/// One walk of a method body that follows data rows rather than values: which rows each tensor, array or list holds
/// (<see cref="RowSet"/>), which statistics were taken over which rows and went into which values
/// (<see cref="StatisticSite"/>), where rows are split into parts, and which rows reach a model's forward or a loss
/// (<see cref="DataUse"/>). Statements run in order, both branches of a condition one after the other, loop bodies
/// twice; parts taken inside a loop stand for the rows they were taken from (mini-batches, folds).
/// </summary>
internal sealed partial class RowFlowInterpreter
{
    private const int WorkBudget = 200_000;

    private readonly TorchSymbols _symbols;
    private readonly Func<IMethodSymbol, LeakageSummary?>? _summaries;
    private readonly bool _summaryMode;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, LeakValue> _environment = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<object, RowSet> _rowSets = new();
    private readonly Dictionary<IOperation, StatisticSite> _statistics = new();
    private readonly Dictionary<IOperation, DataUse> _uses = new();
    private readonly List<DataUse> _useOrder = new();
    private readonly HashSet<IOperation> _backwardReached = new();
    private readonly List<RowSet> _copyTargets = new();

    /// <summary>Lambda parameters and foreach variables that hold one row of data.</summary>
    private readonly HashSet<ISymbol> _elementSymbols = new(SymbolEqualityComparer.Default);
    private LeakValue? _returned;
    private readonly List<HashSet<ISymbol>> _loopLocals = new();
    private readonly Dictionary<IOperation, HashSet<ISymbol>> _loopLocalsCache = new();
    private int _loopDepth;
    private int _work;
    private bool _trains;

    private RowFlowInterpreter(TorchSymbols symbols, Func<IMethodSymbol, LeakageSummary?>? summaries, bool summaryMode, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _summaries = summaries;
        _summaryMode = summaryMode;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The facts of one body; <paramref name="summaries"/> gives what helper methods do with their parameters.</summary>
    public static RowFlowFacts? Interpret(IOperation body, TorchSymbols symbols, Func<IMethodSymbol, LeakageSummary?>? summaries, bool summaryMode, CancellationToken cancellationToken)
    {
        var interpreter = new RowFlowInterpreter(symbols, summaries, summaryMode, cancellationToken);
        try
        {
            interpreter.Execute(body);
        }
        catch (RowFlowBudgetExceeded)
        {
            return null;
        }
        interpreter.ResolveCopies();
        return new RowFlowFacts(interpreter._useOrder, interpreter._backwardReached, interpreter._statistics.Values, interpreter._trains, interpreter._returned);
    }

    private void Spend()
    {
        if (++_work > WorkBudget)
            throw new RowFlowBudgetExceeded();
    }

    private void Execute(IOperation? operation)
    {
        if (operation is null)
            return;
        _cancellationToken.ThrowIfCancellationRequested();
        Spend();
        switch (operation)
        {
            case IMethodBodyOperation body:
                Execute((IOperation?)body.BlockBody ?? body.ExpressionBody);
                break;
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                    Execute(statement);
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        if (initializer is not null)
                            Store(declarator.Symbol, Evaluate(initializer.Value));
                    }
                }
                break;
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                break;
            case IConditionalOperation conditional:
                Evaluate(conditional.Condition);
                Execute(conditional.WhenTrue);
                Execute(conditional.WhenFalse);
                break;
            case IForLoopOperation forLoop:
                foreach (var before in forLoop.Before)
                    Execute(before);
                RunLoop(forLoop, () =>
                {
                    Evaluate(forLoop.Condition);
                    Execute(forLoop.Body);
                    foreach (var atBottom in forLoop.AtLoopBottom)
                        Execute(atBottom);
                });
                break;
            case IForEachLoopOperation forEach:
                var collection = Evaluate(forEach.Collection);
                RunLoop(forEach, () =>
                {
                    AssignLoopVariable(forEach.LoopControlVariable, ElementOf(collection, forEach.Collection));
                    Execute(forEach.Body);
                });
                break;
            case IWhileLoopOperation whileLoop:
                RunLoop(whileLoop, () =>
                {
                    Evaluate(whileLoop.Condition);
                    Execute(whileLoop.Body);
                    Evaluate(whileLoop.IgnoredCondition);
                });
                break;
            case IUsingOperation usingOperation:
                Execute(usingOperation.Resources);
                Execute(usingOperation.Body);
                break;
            case IUsingDeclarationOperation usingDeclaration:
                Execute(usingDeclaration.DeclarationGroup);
                break;
            case ILocalFunctionOperation:
            case IAnonymousFunctionOperation:
                break;
            case IReturnOperation returnOperation:
                var returned = Evaluate(returnOperation.ReturnedValue);
                if (_summaryMode && returnOperation.ReturnedValue is not null)
                    _returned = _returned is null ? returned : JoinReturned(_returned, returned);
                break;
            default:
                if (operation is ILoopOperation loop)
                {
                    RunLoop(loop, () => Execute(loop.Body));
                    break;
                }
                if (operation.Kind is OperationKind.Try or OperationKind.Switch or OperationKind.Lock or OperationKind.Labeled
                    or OperationKind.CatchClause or OperationKind.SwitchCase)
                {
                    foreach (var child in operation.ChildOperations)
                        Execute(child);
                    break;
                }
                Evaluate(operation);
                break;
        }
    }

    /// <summary>Two returns: their tuple elements joined one by one, or the values joined.</summary>
    private static LeakValue JoinReturned(LeakValue a, LeakValue b)
    {
        if (!a.Parts.IsDefault && !b.Parts.IsDefault && a.Parts.Length == b.Parts.Length)
        {
            var parts = ImmutableArray.CreateBuilder<LeakValue>(a.Parts.Length);
            for (var i = 0; i < a.Parts.Length; i++)
                parts.Add(LeakValue.Join(a.Parts[i], b.Parts[i]));
            return LeakValue.None.WithParts(parts.MoveToImmutable());
        }
        return LeakValue.Join(a, b);
    }

    private void RunLoop(IOperation loop, Action body)
    {
        _loopLocals.Add(LocalsChangedIn(loop));
        _loopDepth++;
        body();
        body();
        _loopDepth--;
        _loopLocals.RemoveAt(_loopLocals.Count - 1);
    }

    /// <summary>Locals a loop declares or writes: its counter, its foreach variable, what its body computes.</summary>
    private HashSet<ISymbol> LocalsChangedIn(IOperation loop)
    {
        if (_loopLocalsCache.TryGetValue(loop, out var cached))
            return cached;
        var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in loop.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    locals.Add(declarator.Symbol);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target }:
                    locals.Add(target.Local);
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation counter }:
                    locals.Add(counter.Local);
                    break;
            }
        }
        _loopLocalsCache.Add(loop, locals);
        return locals;
    }

    /// <summary>
    /// A split inside a loop whose bounds or indices change from one round to the next (a mini-batch, a fold):
    /// its parts together cover the rows. <c>x[..800]</c> written inside the training loop is the same rows every round.
    /// </summary>
    private bool ChangesEachRound(IOperation split, IOperation? sourceOperand)
    {
        if (_loopDepth == 0)
            return false;
        foreach (var operation in split.DescendantsAndSelf())
        {
            if (sourceOperand is not null && sourceOperand.Syntax.Span.Contains(operation.Syntax.Span) && sourceOperand.Syntax.SyntaxTree == operation.Syntax.SyntaxTree)
                continue;
            if (operation is ILocalReferenceOperation local)
            {
                foreach (var locals in _loopLocals)
                {
                    if (locals.Contains(local.Local))
                        return true;
                }
            }
        }
        return false;
    }

    private void AssignLoopVariable(IOperation control, LeakValue element)
    {
        switch (control)
        {
            case IVariableDeclaratorOperation declarator:
                _elementSymbols.Add(declarator.Symbol);
                Store(declarator.Symbol, element);
                break;
            case IVariableDeclarationOperation declaration:
                foreach (var declarator in declaration.Declarators)
                {
                    _elementSymbols.Add(declarator.Symbol);
                    Store(declarator.Symbol, element);
                }
                break;
            case ILocalReferenceOperation local:
                Store(local.Local, element);
                break;
            case IDeclarationExpressionOperation declarationExpression:
                AssignLoopVariable(declarationExpression.Expression, element);
                break;
            case ITupleOperation tuple:
                foreach (var item in tuple.Elements)
                    AssignLoopVariable(item, element);
                break;
        }
    }

    /// <summary>An element of what a foreach walks: a piece of a split (standing for the whole), or a row of an array.</summary>
    private LeakValue ElementOf(LeakValue collection, IOperation collectionOperation)
    {
        if (!collection.Parts.IsDefault && collection.Rows is null && collection.Parts.Length > 0 && collection.Parts[0].Rows is { } partRows)
            return collection.WithParts(default).WithRows(partRows.CoversParent ? partRows : RowsFor(collectionOperation, "element", partRows.Parent ?? partRows, null, covers: true));
        return collection.WithParts(default);
    }

    private void Store(ISymbol symbol, LeakValue value)
    {
        if (value.Rows is { Name: null } rows)
            rows.Name = symbol.Name;
        _environment[symbol] = value;
    }

    /// <summary>A row set per operation (and key), so a loop's second round meets the same rows.</summary>
    private RowSet RowsFor(IOperation origin, string key, RowSet? parent, IOperation? splitSource, bool covers, int ordinal = -1)
    {
        var cacheKey = (origin, key);
        if (_rowSets.TryGetValue(cacheKey, out var existing))
            return existing;
        var rows = new RowSet(origin, parent, splitSource, covers, ordinal);
        _rowSets.Add(cacheKey, rows);
        return rows;
    }

    /// <summary>Rows of a part split off <paramref name="source"/> by <paramref name="split"/> (inside a loop: a batch standing for all).</summary>
    private LeakValue Part(IOperation split, LeakValue source, IOperation? sourceOperand, string key = "part")
    {
        if (source.Rows is null)
            return source.WithParts(default);
        var rows = RowsFor(split, key, source.Rows, sourceOperand, covers: ChangesEachRound(split, sourceOperand));
        return new LeakValue(rows, source.Statistics, source.ModelCalls, default);
    }

    /// <summary>New rows from a source of data (file, generator, field, unknown call), unless the value has some already.</summary>
    private LeakValue Source(IOperation origin, LeakValue carried, string key = "source")
        => carried.Rows is not null ? carried : new LeakValue(RowsFor(origin, key, null, null, covers: false), carried.Statistics, carried.ModelCalls, default);

    private void ResolveCopies()
    {
        // Rows copied into two or more arrays are split between them (train rows into one, test rows into the
        // other); copied into a single array, they are the same rows in a new container (a scaled copy).
        var receivers = new Dictionary<RowSet, List<RowSet>>();
        foreach (var target in _copyTargets)
        {
            if (target.CopiedFrom is null)
                continue;
            foreach (var source in target.CopiedFrom)
            {
                var canonical = source.Canonical;
                if (!receivers.TryGetValue(canonical, out var list))
                    receivers.Add(canonical, list = new List<RowSet>());
                if (!list.Contains(target))
                    list.Add(target);
            }
        }
        foreach (var pair in receivers)
        {
            foreach (var target in pair.Value)
            {
                if (target.Parent is not null || target.SameAs is not null || pair.Key.IsWithin(target))
                    continue;
                if (target.CopiedFrom!.Count != 1)
                    continue;
                if (pair.Value.Count == 1)
                    target.SameAs = pair.Key;
                else
                    target.Parent = pair.Key;
            }
        }
    }

    internal static bool IsNumeric(ITypeSymbol? type) => NumericTypes.IsNumeric(type);

    /// <summary>Arrays, lists and sequences of numbers or of rows: data whose rows can be split.</summary>
    internal static bool IsDataCollection(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsNumeric(array.ElementType) || array.ElementType is IArrayTypeSymbol;
            case INamedTypeSymbol { Arity: 1, Name: "List" or "IList" or "IEnumerable" or "IReadOnlyList" or "ICollection" or "IReadOnlyCollection" or "IOrderedEnumerable" } named:
                return GenericTypes.OnlyTypeArgument(named) is { } element && (IsNumeric(element) || element is IArrayTypeSymbol);
            default:
                return false;
        }
    }

    private bool IsData(ITypeSymbol? type) => _symbols.IsTensor(type) || IsDataCollection(type);

    private static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    continue;
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                    return lambda;
                default:
                    return operation;
            }
        }
    }
}

/// <summary>Thrown inside one walk that runs past its budget; never escapes it.</summary>
internal sealed class RowFlowBudgetExceeded : Exception
{
}

/// <summary>What one walk found: the data uses in order, the calls backward() reaches, the statistics.</summary>
internal sealed class RowFlowFacts
{
    public RowFlowFacts(List<DataUse> uses, HashSet<IOperation> backwardReached, IEnumerable<StatisticSite> statistics, bool trains, LeakValue? returned)
    {
        Returned = returned;
        Uses = uses;
        BackwardReached = backwardReached;
        Statistics = new List<StatisticSite>(statistics);
        Trains = trains;
    }

    public List<DataUse> Uses { get; }
    public HashSet<IOperation> BackwardReached { get; }
    public List<StatisticSite> Statistics { get; }

    /// <summary>What the body returns (in a summary), all returns joined.</summary>
    public LeakValue? Returned { get; }

    /// <summary>backward() is called in the body, or a training helper is.</summary>
    public bool Trains { get; }

    public bool IsTraining(DataUse use) => use.Kind switch
    {
        UseKind.HelperTraining => true,
        UseKind.HelperEvaluation => false,
        _ => BackwardReached.Contains(use.Call),
    };
}
