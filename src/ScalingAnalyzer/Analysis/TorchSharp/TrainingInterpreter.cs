using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// One flow-sensitive abstract interpretation of a method body over <see cref="IOperation"/>: statements in order,
/// both branches of a condition joined, loops iterated to a fixed point (widened to "unknown" after a few rounds).
/// Values of locals live in an environment, so a variable rescaled before the loop is scaled after it.
/// Expressions are evaluated by <see cref="Evaluate"/>, TorchSharp calls by <see cref="TorchTransfers"/>.
/// </summary>
internal sealed partial class TrainingInterpreter
{
    private const int LoopRoundsBeforeWidening = 3;

    /// <summary>
    /// Work one interpretation may do: a unit per statement executed (loop bodies once per round) and per variable
    /// copied into a snapshot. Real training methods need a few thousand units; a method deeper or larger than
    /// this allows is left unanalysed (silent) rather than slowing the build, since nested loops multiply rounds.
    /// </summary>
    private const int WorkBudget = 1_000_000;

    private readonly TorchSymbols _symbols;
    private readonly ScalingOptions _options;
    private readonly IMethodSymbol? _method;
    private readonly Func<IMethodSymbol, TrainingSummary?>? _helperSummaries;
    private readonly ProgramSummaries? _program;
    private readonly IReadOnlyDictionary<int, double>? _parameterConstants;
    private readonly IProgramObjects? _objects;
    private readonly CancellationToken _cancellationToken;
    private readonly MethodTrainingFacts _facts = new();
    private readonly Dictionary<IOperation, ForwardSite> _forwardSites = new();
    private readonly Dictionary<IOperation, LossSite> _lossSites = new();
    private readonly Dictionary<IOperation, HelperCallSite> _helperSites = new();
    private readonly List<double?> _tripCounts = new();
    private Dictionary<ISymbol, AbstractValue> _environment = new(SymbolEqualityComparer.Default);
    private int _noGradDepth;
    private int _work;

    /// <summary>When set, the interpretation of a constructor or initializer collects what it writes to this field.</summary>
    private ISymbol? _capturedField;
    private AbstractValue? _captured;
    private IMethodSymbol? _capturedConstructor;
    /// <summary>When set, the interpretation collects what its calls of this method hand it (<see cref="ArgumentsHandedTo"/>).</summary>
    private IMethodSymbol? _capturedMethod;
    private AbstractValue[]? _capturedArguments;

    /// <summary>The calls being interpreted above this one (<see cref="ProgramSummaries"/>).</summary>
    private CallChain _chain = CallChain.Empty;
    private int _workBudget = WorkBudget;

    /// <summary>What the method returns (joined over its return statements) and, for an iterator, what it yields.</summary>
    private AbstractValue? _returned;
    private AbstractValue? _yielded;

    /// <summary>Parameters whose contents this method changed (elements written, added to, scaled in place).</summary>
    private readonly HashSet<ISymbol> _mutatedParameters = new(SymbolEqualityComparer.Default);

    /// <summary>A call followed below this one was cut short by a limit: this interpretation's result is not cached.</summary>
    private bool _cutShort;

    private TrainingInterpreter(TorchSymbols symbols, ScalingOptions options, IMethodSymbol? method, Func<IMethodSymbol, TrainingSummary?>? helperSummaries, ProgramSummaries? program, IReadOnlyDictionary<int, double>? parameterConstants, CancellationToken cancellationToken, IProgramObjects? objects = null)
    {
        _objects = objects ?? program?.Objects;
        _parameterConstants = parameterConstants;
        _symbols = symbols;
        _options = options;
        _method = method;
        _helperSummaries = helperSummaries;
        _program = program;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Interprets <paramref name="body"/>; <paramref name="helperSummaries"/> gives the summaries of helper methods to
    /// follow one level deep, and is null when interpreting a helper itself. <paramref name="program"/> gives what
    /// fields hold and what calls of this compilation return (<see cref="ProgramSummaries"/>). <paramref name="parameterConstants"/> binds
    /// parameters (by ordinal) to a caller's constant arguments when a helper is interpreted for one call.
    /// </summary>
    /// <remarks>
    /// <paramref name="callersHand"/> binds data parameters to what every call of the method hands them
    /// (<see cref="ProgramSummaries.MethodArguments"/>), for the method's own analysis: a forward or loss value that is
    /// still such a parameter's (its ordinal kept) is then left to the callers, who report it at their argument.
    /// </remarks>
    public static MethodTrainingFacts Interpret(IOperation body, IMethodSymbol? method, TorchSymbols symbols, ScalingOptions options, Func<IMethodSymbol, TrainingSummary?>? helperSummaries, ProgramSummaries? program, CancellationToken cancellationToken, IReadOnlyDictionary<int, double>? parameterConstants = null,
        IReadOnlyDictionary<ISymbol, AbstractValue>? callersHand = null)
    {
        var interpreter = new TrainingInterpreter(symbols, options, method, helperSummaries, program, parameterConstants, cancellationToken);
        if (callersHand is not null)
        {
            foreach (var pair in callersHand)
            {
                interpreter._environment[pair.Key] = pair.Value;
                if (pair.Key is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
                    interpreter._facts.ParametersBoundByCallers |= 1UL << Math.Min(parameter.Ordinal, 63);
            }
        }
        try
        {
            // The parameters' values exist from the start, so that one first read inside a loop is not a change of state
            // between the loop's rounds.
            if (method is not null)
            {
                foreach (var parameter in method.Parameters)
                    interpreter.ParameterValue(parameter);
            }
            interpreter.Execute(body);
        }
        catch (BudgetExceededException)
        {
            return MethodTrainingFacts.Empty;
        }
        return interpreter._facts;
    }

    /// <summary>
    /// What <paramref name="code"/> (a field initializer, or a constructor body) writes to <paramref name="field"/>, all
    /// its writes joined; null when it writes nothing or is too large to interpret. Helpers are not followed here.
    /// </summary>
    public static AbstractValue? ValueWrittenTo(ISymbol field, IOperation code, ProgramSummaries program, ScalingOptions options, CancellationToken cancellationToken,
        IReadOnlyDictionary<ISymbol, AbstractValue>? parameters = null)
    {
        var interpreter = new TrainingInterpreter(program.Symbols, options, method: null, helperSummaries: null, program, parameterConstants: null, cancellationToken)
        {
            _capturedField = field,
            _workBudget = ProgramSummaries.CalleeWorkBudget,
            _chain = MemberOf(code) is { } writer ? CallChain.Empty.Push(writer) : CallChain.Empty,
        };
        try
        {
            // A list or array member filled here starts from nothing: every write is joined anyway.
            var memberType = field switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
            if (code is not (IFieldInitializerOperation or IPropertyInitializerOperation) && IsCollection(memberType))
                interpreter._environment[field] = AbstractValue.EmptyCollection(ElementKindOf(memberType));
            if (parameters is not null)
            {
                foreach (var pair in parameters)
                    interpreter._environment[pair.Key] = pair.Value;
            }
            if (code is IFieldInitializerOperation initializer)
                interpreter._captured = interpreter.Evaluate(initializer.Value);
            else if (code is IPropertyInitializerOperation propertyInitializer)
                interpreter._captured = interpreter.Evaluate(propertyInitializer.Value);
            else
                interpreter.Execute(code);
        }
        catch (BudgetExceededException)
        {
            return null;
        }
        return interpreter._captured;
    }

    /// <summary>
    /// What <paramref name="body"/> hands <paramref name="callee"/> at its <c>new</c> expressions (a constructor) or its
    /// calls (a method), by parameter ordinal, joined over them (and over a loop's rounds): the body interpreted as its
    /// own analysis would, with its parameters unknown but for <paramref name="parameters"/> (the data file path every
    /// call of a factory hands it). Null when it makes none, or its interpretation is cut short.
    /// </summary>
    internal static AbstractValue[]? ArgumentsHandedTo(IMethodSymbol callee, IOperation body, IMethodSymbol creator, ProgramSummaries program, ScalingOptions options, CancellationToken cancellationToken,
        IReadOnlyDictionary<ISymbol, AbstractValue>? parameters = null)
    {
        var isConstructor = callee.MethodKind == MethodKind.Constructor;
        var interpreter = new TrainingInterpreter(program.Symbols, options, method: null, helperSummaries: null, program, parameterConstants: null, cancellationToken)
        {
            _capturedConstructor = isConstructor ? callee.OriginalDefinition : null,
            _capturedMethod = isConstructor ? null : callee.OriginalDefinition,
            _workBudget = ProgramSummaries.CalleeWorkBudget,
            _chain = CallChain.Empty.Push(creator),
        };
        if (parameters is not null)
        {
            foreach (var pair in parameters)
                interpreter._environment[pair.Key] = pair.Value;
        }
        try
        {
            interpreter.Execute(body);
        }
        catch (BudgetExceededException)
        {
            return null;
        }
        return interpreter._cutShort ? null : interpreter._capturedArguments;
    }

    /// <summary>
    /// One call of a method of this compilation (<see cref="ProgramSummaries.Call"/>): parameters bound to the
    /// caller's argument values, the fields of the object to the receiver's members (or the variables a local
    /// function captures to the caller's), the instance initializers run first for a constructor.
    /// </summary>
    internal static CallResult InterpretCall(IOperation? body, ImmutableArray<IOperation> initializers, IMethodSymbol method, ProgramSummaries program, AbstractValue? receiver,
        AbstractValue[] arguments, IReadOnlyDictionary<ISymbol, AbstractValue>? captured, CallChain chain, int workBudget, CancellationToken cancellationToken)
    {
        var tree = body?.Syntax.SyntaxTree ?? method.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree ?? (initializers.IsEmpty ? null : initializers[0].Syntax.SyntaxTree);
        var options = tree is null ? ScalingOptions.Default : program.OptionsFor(tree);
        var interpreter = new TrainingInterpreter(program.Symbols, options, method, helperSummaries: null, program, parameterConstants: null, cancellationToken)
        {
            _chain = chain,
            _workBudget = workBudget,
        };
        var seeded = new Dictionary<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        if (captured is not null)
        {
            foreach (var pair in captured)
                interpreter._environment[pair.Key] = pair.Value;
        }
        if (receiver?.Members is { } members)
        {
            foreach (var pair in members)
            {
                interpreter._environment[pair.Key] = pair.Value;
                seeded[pair.Key] = pair.Value;
            }
        }
        for (var i = 0; i < arguments.Length && i < method.Parameters.Length; i++)
            interpreter._environment[method.Parameters[i]] = arguments[i];
        try
        {
            foreach (var initializer in initializers)
            {
                var value = interpreter.Evaluate(initializer switch
                {
                    IFieldInitializerOperation field => field.Value,
                    IPropertyInitializerOperation property => property.Value,
                    _ => null,
                });
                if (initializer is IFieldInitializerOperation { InitializedFields: var fields })
                {
                    foreach (var field in fields)
                        interpreter._environment[field] = value;
                }
                else if (initializer is IPropertyInitializerOperation { InitializedProperties: var properties })
                {
                    foreach (var property in properties)
                        interpreter._environment[property] = value;
                }
            }
            interpreter.Execute(body);
        }
        catch (BudgetExceededException)
        {
            return CallResult.CutShort;
        }
        // An iterator (yield return) returns the sequence of what it yields.
        var returned = interpreter._yielded is not null ? interpreter.CollectionOf(interpreter._yielded) : interpreter._returned;
        var changedParameters = ImmutableDictionary.CreateBuilder<int, AbstractValue>();
        foreach (var parameter in method.Parameters)
        {
            if (interpreter._mutatedParameters.Contains(parameter) && interpreter._environment.TryGetValue(parameter, out var changed))
                changedParameters[parameter.Ordinal] = Detach(changed);
        }
        var written = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var pair in interpreter._environment)
        {
            if (pair.Key is IFieldSymbol or IPropertySymbol && !(seeded.TryGetValue(pair.Key, out var before) && ReferenceEquals(before, pair.Value)))
                written[pair.Key] = Detach(pair.Value);
        }
        return new CallResult(returned is null ? null : Detach(returned), changedParameters.ToImmutable(), written.ToImmutable(), interpreter._cutShort);
    }

    /// <summary>A value leaving the method that computed it: the forward and loss operations it met stay behind.</summary>
    private static AbstractValue Detach(AbstractValue value)
        => value.ForwardCalls.IsEmpty && value.LossCalls.IsEmpty ? value : value with { ForwardCalls = ImmutableArray<IOperation>.Empty, LossCalls = ImmutableArray<IOperation>.Empty };

    private static IMethodSymbol? MemberOf(IOperation code)
    {
        for (var current = code; current is not null; current = current.Parent)
        {
            if (current.Parent is null && current.SemanticModel is { } model)
                return model.GetDeclaredSymbol(current.Syntax) as IMethodSymbol;
        }
        return null;
    }

    /// <summary>
    /// The forward and loss sites one run of a member meets (a module's forward with its input bound), with the fields
    /// of its object holding <paramref name="receiver"/>'s members: how <see cref="TorchObjectModels"/> sees whether a
    /// module class normalizes its input. Null when too large to interpret.
    /// </summary>
    internal static MethodTrainingFacts? FactsOfCall(IOperation body, IMethodSymbol method, ProgramSummaries program, AbstractValue? receiver, AbstractValue[] arguments, CancellationToken cancellationToken)
    {
        var interpreter = new TrainingInterpreter(program.Symbols, program.OptionsFor(body.Syntax.SyntaxTree), method, helperSummaries: null, program, parameterConstants: null, cancellationToken)
        {
            _chain = CallChain.Empty.Push(method.OriginalDefinition),
            _workBudget = ProgramSummaries.CalleeWorkBudget,
            _modelsModuleForward = true,
        };
        if (receiver?.Members is { } members)
        {
            foreach (var pair in members)
                interpreter._environment[pair.Key] = pair.Value;
        }
        for (var i = 0; i < arguments.Length && i < method.Parameters.Length; i++)
            interpreter._environment[method.Parameters[i]] = arguments[i];
        try
        {
            interpreter.Execute(body);
        }
        catch (BudgetExceededException)
        {
            return null;
        }
        return interpreter._facts;
    }

    /// <summary>Interpreting a module class's forward for <see cref="FactsOfCall"/>: value-keeping layers hand their input on.</summary>
    private bool _modelsModuleForward;

    /// <summary>Runs a closure handed to the code being interpreted (optimizer.step(closure)) here, seeing this method's variables.</summary>
    internal void RunClosure(IOperation body)
    {
        var (returned, yielded) = (_returned, _yielded);
        Execute(body);
        (_returned, _yielded) = (returned, yielded);
    }

    private bool UnderNoGrad => _noGradDepth > 0;

    private void Execute(IOperation? operation)
    {
        if (operation is null)
            return;
        _cancellationToken.ThrowIfCancellationRequested();
        Spend(1);
        switch (operation)
        {
            case IMethodBodyOperation body:
                Execute((IOperation?)body.BlockBody ?? body.ExpressionBody);
                break;
            case IConstructorBodyOperation constructor:
                Evaluate(constructor.Initializer);
                Execute((IOperation?)constructor.BlockBody ?? constructor.ExpressionBody);
                break;
            case IBlockOperation block:
                var depth = _noGradDepth;
                foreach (var statement in block.Operations)
                    Execute(statement);
                _noGradDepth = depth;
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                    Declare(declaration);
                break;
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                break;
            case IConditionalOperation conditional:
                ExecuteConditional(conditional);
                break;
            case IForLoopOperation forLoop:
                foreach (var before in forLoop.Before)
                    Execute(before);
                ExecuteLoop(forLoop, ForTripCount(forLoop));
                break;
            case IForEachLoopOperation forEach:
                var collection = AsSequence(forEach.Collection, Evaluate(forEach.Collection));
                // Over a collection known to be empty (new ITransform[] { }), the body never runs.
                if (!collection.IsEmptyCollection)
                    ExecuteLoop(forEach, ForEachTripCount(forEach, collection), collection);
                break;
            case ILoopOperation loop:
                ExecuteLoop(loop, null);
                break;
            case IUsingOperation usingOperation:
                var noGrad = IsNoGrad(usingOperation.Resources);
                Execute(usingOperation.Resources);
                if (noGrad) _noGradDepth++;
                Execute(usingOperation.Body);
                if (noGrad) _noGradDepth--;
                break;
            case IUsingDeclarationOperation usingDeclaration:
                // The rest of the enclosing block runs without gradients; the block restores the depth.
                if (IsNoGrad(usingDeclaration.DeclarationGroup))
                    _noGradDepth++;
                Execute(usingDeclaration.DeclarationGroup);
                break;
            case ILockOperation lockOperation:
                Evaluate(lockOperation.LockedValue);
                Execute(lockOperation.Body);
                break;
            case ITryOperation tryOperation:
                Execute(tryOperation.Body);
                var afterBody = Snapshot();
                foreach (var handler in tryOperation.Catches)
                {
                    var beforeHandler = Snapshot();
                    Execute(handler.Handler);
                    _environment = JoinEnvironments(beforeHandler, _environment);
                }
                _environment = JoinEnvironments(afterBody, _environment);
                Execute(tryOperation.Finally);
                break;
            case ISwitchOperation switchOperation:
                Evaluate(switchOperation.Value);
                var entry = Snapshot();
                Dictionary<ISymbol, AbstractValue>? joined = null;
                foreach (var section in switchOperation.Cases)
                {
                    _environment = Copy(entry);
                    foreach (var body in section.Body)
                        Execute(body);
                    joined = joined is null ? _environment : JoinEnvironments(joined, _environment);
                }
                _environment = joined is null ? entry : JoinEnvironments(entry, joined);
                break;
            case IReturnOperation returnOperation:
                if (returnOperation.ReturnedValue is { } returnedValue)
                {
                    var returned = Evaluate(returnedValue);
                    RecordReturn(returnOperation, returned);
                    if (returnOperation.Kind == OperationKind.YieldReturn)
                        _yielded = _yielded is null ? returned : _yielded.Join(returned);
                    else
                        _returned = _returned is null ? returned : _returned.Join(returned);
                }
                break;
            case ILabeledOperation labeled:
                Execute(labeled.Operation);
                break;
            case ILocalFunctionOperation:
                // Bodies of local functions run when called, not here.
                break;
            default:
                Evaluate(operation);
                break;
        }
    }

    private void Declare(IVariableDeclarationOperation declaration)
    {
        foreach (var declarator in declaration.Declarators)
        {
            var initializer = declarator.Initializer ?? declaration.Initializer;
            var value = initializer is null ? AbstractValue.Unknown : Evaluate(initializer.Value);
            _environment[declarator.Symbol] = value;
        }
    }

    private void ExecuteConditional(IConditionalOperation conditional)
    {
        var condition = Evaluate(conditional.Condition);
        // if (NormalizeInputs) with a const flag, or a bool parameter the caller bound to a constant: that branch alone
        // runs (the other is dead code here, as the compiler says of a const).
        if (KnownFlag(conditional.Condition, condition) is { } flag)
        {
            if (flag)
                Execute(conditional.WhenTrue);
            else if (conditional.WhenFalse is not null)
                Execute(conditional.WhenFalse);
            return;
        }
        var entry = Snapshot();
        Execute(conditional.WhenTrue);
        var afterTrue = _environment;
        _environment = entry;
        Execute(conditional.WhenFalse);
        _environment = JoinEnvironments(afterTrue, _environment);
    }

    /// <summary>
    /// The value of a condition known where it is met: a constant (a <c>const bool</c>, <c>true</c>, <c>!Flag</c> of a
    /// const), or a <c>bool</c> parameter bound to a constant by the call being followed (<c>hasHeader</c>); null otherwise.
    /// </summary>
    private static bool? KnownFlag(IOperation condition, AbstractValue evaluated)
    {
        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
            return constant;
        if (Strip(condition) is IParameterReferenceOperation { Type.SpecialType: SpecialType.System_Boolean }
            && evaluated.Origin == ValueOrigin.Literal && evaluated.Range.IsConstant && evaluated.Range.Low is 0 or 1)
            return evaluated.Range.Low == 1;
        return null;
    }

    private void ExecuteLoop(ILoopOperation loop, double? tripCount, AbstractValue? collection = null)
    {
        _tripCounts.Add(tripCount);
        ILocalSymbol? counter = null;
        (int Start, int? End) previousCounter = default;
        var hadPreviousCounter = false;
        if (loop is IForLoopOperation forLoop)
        {
            if (SimpleCounter(forLoop) is { } simple)
            {
                counter = simple.Counter;
                hadPreviousCounter = _loopCounters.TryGetValue(counter, out previousCounter);
                _loopCounters[counter] = (simple.Start, simple.End);
            }
            WidenLoopCounters(forLoop);
        }
        try
        {
            ExecuteLoopRounds(loop, collection);
        }
        finally
        {
            if (counter is not null)
            {
                if (hadPreviousCounter)
                    _loopCounters[counter] = previousCounter;
                else
                    _loopCounters.Remove(counter);
            }
        }
        _tripCounts.RemoveAt(_tripCounts.Count - 1);
        ApplyPendingRewrites(loop);
    }

    /// <summary>
    /// The counters of the for loops being run whose values inside the body are known: from a constant start, stepped
    /// up by a constant at the bottom only, below a bound (<see cref="LoopCounterRange"/>).
    /// </summary>
    private readonly Dictionary<ILocalSymbol, (int Start, int? End)> _loopCounters = new(SymbolEqualityComparer.Default);

    /// <summary>Whether each for loop's body writes its counter (looked at once per loop).</summary>
    private Dictionary<IForLoopOperation, bool>? _bodyWritesCounter;

    /// <summary>
    /// <c>for (var j = 0; j &lt; 4; j++)</c> whose body never writes <c>j</c>: in the body <c>j</c> runs over 0..3 (End
    /// null when the bound is not a constant, <c>i &lt; lines.Length</c>). Null for any other loop.
    /// </summary>
    private (ILocalSymbol Counter, int Start, int? End)? SimpleCounter(IForLoopOperation loop)
    {
        if (loop.Condition is not IBinaryOperation { LeftOperand: var left, RightOperand: var right, OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } condition
            || Strip(left) is not ILocalReferenceOperation { Local: var counter }
            || loop.AtLoopBottom.Length != 1
            || !IsIntegral(counter.Type)
            || !_environment.TryGetValue(counter, out var startValue) || !startValue.Range.IsConstant
            || startValue.Range.Low is < 0 or > int.MaxValue
            || IncrementOf(loop.AtLoopBottom[0], counter) is not > 0)
            return null;
        _bodyWritesCounter ??= new Dictionary<IForLoopOperation, bool>();
        if (!_bodyWritesCounter.TryGetValue(loop, out var writes))
        {
            writes = false;
            foreach (var operation in loop.Body.DescendantsAndSelf())
            {
                var target = operation switch
                {
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IAssignmentOperation assignment => assignment.Target,
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } reference => reference.Value,
                    _ => null,
                };
                if (target is not null && Strip(target) is ILocalReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Local, counter))
                {
                    writes = true;
                    break;
                }
            }
            _bodyWritesCounter[loop] = writes;
        }
        if (writes)
            return null;
        var bound = Evaluate(right).Range;
        int? end = null;
        if (bound.IsConstant && bound.Low < int.MaxValue)
            end = (int)(condition.OperatorKind == BinaryOperatorKind.LessThan ? Math.Ceiling(bound.Low) - 1 : Math.Floor(bound.Low));
        return (counter, (int)startValue.Range.Low, end);
    }

    /// <summary>The values an index takes when it is the counter of a for loop being run (<see cref="SimpleCounter"/>).</summary>
    /// <summary>
    /// The first line an index of a file's lines picks in a for loop being run: the counter's start (<c>lines[i]</c>,
    /// i from 1), or the counter's start plus a constant (<c>lines[r + 1]</c>, r from 0, as a loop over the rows after
    /// the header writes it); null for any other index.
    /// </summary>
    private int? FirstLineIndex(IOperation index)
    {
        index = Strip(index);
        if (LoopCounterRange(index) is { } counted)
            return counted.Start;
        if (index is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum)
        {
            var (counter, offset) = sum.RightOperand.ConstantValue is { HasValue: true, Value: int right } ? (sum.LeftOperand, right)
                : sum.LeftOperand.ConstantValue is { HasValue: true, Value: int left } ? (sum.RightOperand, left)
                : (null, 0);
            if (counter is not null && LoopCounterRange(counter) is { } range)
                return range.Start + offset;
        }
        return null;
    }

    private (int Start, int? End)? LoopCounterRange(IOperation index)
        => Strip(index) is ILocalReferenceOperation { Local: var local } && _loopCounters.TryGetValue(local, out var range) ? range : null;

    private void ExecuteLoopRounds(ILoopOperation loop, AbstractValue? collection)
    {
        var entry = Snapshot();
        var converged = false;
        var lastRound = entry;
        for (var round = 0; round < LoopRoundsBeforeWidening && !converged; round++)
        {
            // The first round starts from the entry state, which nothing writes: no second copy of it.
            lastRound = round == 0 ? entry : Snapshot();
            RunLoopBody(loop, collection);
            ForgetIterationLocals(loop, lastRound);
            _environment = JoinEnvironments(lastRound, _environment);
            converged = SameEnvironment(lastRound, _environment);
        }
        if (!converged)
        {
            // Widen only what still changed in the last round (a counter stepped in the body, i = indices[i++]): a list
            // filled in the first round and unchanged since keeps its range. One more round must then change nothing,
            // or the values are not a fixed point and everything the loop changed is widened as before.
            Widen(lastRound);
            var widened = Snapshot();
            RunLoopBody(loop, collection);
            ForgetIterationLocals(loop, widened);
            _environment = JoinEnvironments(widened, _environment);
            if (!SameEnvironment(widened, _environment))
            {
                Widen(entry);
                RunLoopBody(loop, collection);
                ForgetIterationLocals(loop, entry);
                _environment = JoinEnvironments(entry, _environment);
                Widen(entry);
            }
        }
    }

    /// <summary>
    /// Locals declared in the loop (its body's, its foreach variable) are made anew by each iteration before they are
    /// read, so they are not part of the state one iteration hands the next: dropped after each round, a loop whose
    /// body changes nothing declared outside it is at its fixed point after one round instead of two.
    /// </summary>
    private void ForgetIterationLocals(ILoopOperation loop, Dictionary<ISymbol, AbstractValue> atRoundStart)
    {
        List<ISymbol>? iterationLocals = null;
        var span = loop.Syntax.Span;
        foreach (var pair in _environment)
        {
            if (pair.Key is ILocalSymbol local && !atRoundStart.ContainsKey(local) && IsDeclaredWithin(local, span))
                (iterationLocals ??= new List<ISymbol>()).Add(local);
        }
        if (iterationLocals is null)
            return;
        foreach (var local in iterationLocals)
            _environment.Remove(local);
    }

    private static bool IsDeclaredWithin(ILocalSymbol local, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var locations = local.Locations;
        return locations.Length == 1 && locations[0].IsInSource && span.Contains(locations[0].SourceSpan);
    }

    private void RunLoopBody(ILoopOperation loop, AbstractValue? collection)
    {
        switch (loop)
        {
            case IForLoopOperation forLoop:
                Evaluate(forLoop.Condition);
                Execute(forLoop.Body);
                foreach (var atBottom in forLoop.AtLoopBottom)
                    Execute(atBottom);
                break;
            case IForEachLoopOperation forEach:
                AssignLoopVariable(forEach.LoopControlVariable, ElementOf(collection ?? AbstractValue.Unknown, Strip(forEach.Collection).Type));
                Execute(forEach.Body);
                break;
            case IWhileLoopOperation whileLoop:
                Evaluate(whileLoop.Condition);
                Execute(whileLoop.Body);
                Evaluate(whileLoop.IgnoredCondition);
                break;
            default:
                Execute(loop.Body);
                break;
        }
    }

    private void AssignLoopVariable(IOperation control, AbstractValue element)
    {
        switch (control)
        {
            case IVariableDeclaratorOperation declarator:
                _environment[declarator.Symbol] = element;
                break;
            case IVariableDeclarationOperation declaration:
                foreach (var declarator in declaration.Declarators)
                    _environment[declarator.Symbol] = element;
                break;
            case ILocalReferenceOperation local:
                _environment[local.Local] = element;
                break;
            case IDeclarationExpressionOperation declarationExpression:
                AssignLoopVariable(declarationExpression.Expression, element);
                break;
            case ITupleOperation tuple:
                // foreach (var (data, target) in loader)
                Deconstruct(tuple, element);
                break;
        }
    }

    /// <summary>
    /// A counter stepped at the loop's bottom changes every round and would be widened after the last one anyway;
    /// widening it up front lets the loop converge in two rounds, so nested loops cost 2^depth rounds, not 4^depth.
    /// </summary>
    private void WidenLoopCounters(IForLoopOperation loop)
    {
        foreach (var atBottom in loop.AtLoopBottom)
        {
            foreach (var operation in atBottom.DescendantsAndSelf())
            {
                var target = operation switch
                {
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IAssignmentOperation assignment => assignment.Target,
                    _ => null,
                };
                if (target is ILocalReferenceOperation local && _environment.TryGetValue(local.Local, out var value))
                    _environment[local.Local] = Widened(value);
            }
        }
    }

    private static AbstractValue Widened(AbstractValue value) => value with { Range = Interval.Unknown, Columns = default, Rows = null };

    /// <summary>Values that still change after a few rounds lose their range: no bound is better than a wrong one.</summary>
    private void Widen(Dictionary<ISymbol, AbstractValue> entry)
    {
        var widened = new List<KeyValuePair<ISymbol, AbstractValue>>();
        foreach (var pair in _environment)
        {
            if (entry.TryGetValue(pair.Key, out var before) && !before.SameFacts(pair.Value))
                widened.Add(new KeyValuePair<ISymbol, AbstractValue>(pair.Key, Widened(pair.Value)));
        }
        foreach (var pair in widened)
            _environment[pair.Key] = pair.Value;
    }

    private Dictionary<ISymbol, AbstractValue> Snapshot()
    {
        Spend(_environment.Count);
        return Copy(_environment);
    }

    private void Spend(int units)
    {
        _work += units;
        if (_work > _workBudget)
            throw new BudgetExceededException();
    }

    private static Dictionary<ISymbol, AbstractValue> Copy(Dictionary<ISymbol, AbstractValue> environment) => new(environment, SymbolEqualityComparer.Default);

    /// <summary>
    /// The join of two environments, made in <paramref name="b"/> (which the caller owns and gives up): a variable in
    /// both holds the join of its values, one in either holds its value there.
    /// </summary>
    private static Dictionary<ISymbol, AbstractValue> JoinEnvironments(Dictionary<ISymbol, AbstractValue> a, Dictionary<ISymbol, AbstractValue> b)
    {
        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other))
                b[pair.Key] = pair.Value;
            else if (!ReferenceEquals(pair.Value, other))
                b[pair.Key] = pair.Value.Join(other);
        }
        return b;
    }

    private static bool SameEnvironment(Dictionary<ISymbol, AbstractValue> a, Dictionary<ISymbol, AbstractValue> b)
    {
        if (a.Count != b.Count)
            return false;
        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !pair.Value.SameFacts(other))
                return false;
        }
        return true;
    }

    /// <summary>for (i = A; i &lt; B; i += C) with constant A, B, C: the number of iterations.</summary>
    private double? ForTripCount(IForLoopOperation loop)
    {
        if (loop.Condition is not IBinaryOperation { LeftOperand: var left, RightOperand: var right } condition
            || Strip(left) is not ILocalReferenceOperation counter
            || loop.AtLoopBottom.Length != 1)
            return null;
        if (!_environment.TryGetValue(counter.Local, out var startValue) || !startValue.Range.IsConstant)
            return null;
        var bound = Evaluate(right).Range;
        if (!bound.IsConstant)
            return null;
        var increment = IncrementOf(loop.AtLoopBottom[0], counter.Local);
        if (increment is not double step || step <= 0)
            return null;
        var span = bound.Low - startValue.Range.Low;
        var inclusive = condition.OperatorKind == BinaryOperatorKind.LessThanOrEqual;
        if (condition.OperatorKind != BinaryOperatorKind.LessThan && !inclusive)
            return null;
        var count = Math.Ceiling((span + (inclusive ? 1 : 0)) / step);
        return count < 0 ? 0 : count;
    }

    private double? IncrementOf(IOperation statement, ILocalSymbol counter)
    {
        var operation = statement is IExpressionStatementOperation expression ? expression.Operation : statement;
        switch (operation)
        {
            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } increment
                when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                return increment.Kind == OperationKind.Increment ? 1 : null;
            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target, OperatorKind: BinaryOperatorKind.Add } compound
                when SymbolEqualityComparer.Default.Equals(target.Local, counter):
                var step = Evaluate(compound.Value).Range;
                return step.IsConstant ? step.Low : null;
            default:
                return null;
        }
    }

    private double? ForEachTripCount(IForEachLoopOperation loop, AbstractValue collection)
    {
        // foreach (var batch in loader): one round per batch when the data's length and the batch size are constant.
        if (collection.Element is not null && collection.Rows is long batches)
            return batches;
        // foreach (var i in Enumerable.Range(start, count))
        if (Strip(loop.Collection) is IInvocationOperation { TargetMethod: { Name: "Range", ContainingType.Name: "Enumerable" } } range
            && range.Arguments.Length == 2)
        {
            var count = Evaluate(range.Arguments[1].Value).Range;
            return count.IsConstant ? count.Low : null;
        }
        return null;
    }

    /// <summary>How many times a step() at the current point runs: the product of the enclosing loops' trip counts.</summary>
    private double? CurrentStepCount()
    {
        double count = 1;
        foreach (var trips in _tripCounts)
        {
            if (trips is not double value)
                return null;
            count *= value;
        }
        return count;
    }

    private bool IsNoGrad(IOperation? resource)
    {
        if (resource is null)
            return false;
        foreach (var operation in resource.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "no_grad" } invocation && _symbols.IsTorchSharpType(invocation.TargetMethod.ContainingType))
                return true;
        }
        return false;
    }

    private static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when conversion.OperatorMethod is null:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}

/// <summary>Thrown inside one interpretation when it runs past its work budget; never escapes it.</summary>
internal sealed class BudgetExceededException : Exception
{
}
