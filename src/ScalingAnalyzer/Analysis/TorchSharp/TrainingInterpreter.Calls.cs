using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Calls of this compilation's own code (followed through <see cref="ProgramSummaries"/>), objects of its classes,
/// and the .NET library calls that carry data: LINQ, Math, Random, List, parsing, files.
/// </summary>
internal sealed partial class TrainingInterpreter
{
    /// <summary>The last result of each followed call site, reused while its inputs keep the same facts (loop rounds).</summary>
    private readonly Dictionary<IOperation, (AbstractValue? Receiver, AbstractValue[] Arguments, CallResult? Result)> _callSites = new();

    private static readonly Interval UnitInterval = Interval.Of(0, 1);

    /// <summary>
    /// A method (or getter) of this compilation called with these values: what it returns, with what it did to the
    /// caller's arguments and to the fields of its object applied here. False when it is not followed; a followed
    /// call whose result is not known (void, or unknown) gives a null <paramref name="returned"/>.
    /// </summary>
    private bool CallUser(IMethodSymbol method, IOperation? instance, AbstractValue? receiver, AbstractValue[] arguments, IInvocationOperation? invocation, out AbstractValue? returned)
    {
        returned = null;
        if (_program is null || _program.Trains(method, _cancellationToken))
            return false;
        var byOrdinal = new AbstractValue[method.Parameters.Length];
        for (var i = 0; i < byOrdinal.Length; i++)
            byOrdinal[i] = AbstractValue.Unknown;
        if (invocation is not null)
        {
            for (var i = 0; i < invocation.Arguments.Length && i < arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is not { } parameter || parameter.Ordinal >= byOrdinal.Length)
                    continue;
                // Load(path, hasHeader: true), or the default of an omitted flag: the callee's `flag ? 1 : 0` picks its branch.
                byOrdinal[parameter.Ordinal] = parameter.Type.SpecialType == SpecialType.System_Boolean && invocation.Arguments[i].Value.ConstantValue is { HasValue: true, Value: bool flag }
                    ? AbstractValue.Data(Interval.Constant(flag ? 1 : 0), ValueOrigin.Literal, ElementKind.Unknown)
                    : WithDataPath(invocation.Arguments[i].Value, arguments[i]);
            }
        }
        var onThis = !method.IsStatic && (instance is null || Strip(instance) is IInstanceReferenceOperation);
        if (onThis)
            receiver = ThisObject();
        var isLocalFunction = method.MethodKind == MethodKind.LocalFunction;
        CallResult? result;
        var site = (IOperation?)invocation ?? instance;
        if (!isLocalFunction && site is not null && _callSites.TryGetValue(site, out var previous) && SameInputs(previous.Receiver, receiver, previous.Arguments, byOrdinal))
        {
            result = previous.Result;
        }
        else
        {
            result = _program.Call(method, method.IsStatic ? null : receiver, byOrdinal, _chain, _cancellationToken, isLocalFunction ? _environment : null);
            if (!isLocalFunction && site is not null)
                _callSites[site] = (receiver, byOrdinal, result);
        }
        if (result is null)
            return false;
        if (result.IsCutShort)
        {
            _cutShort = true;
            returned = AbstractValue.Unknown;
            return true;
        }
        ApplyEffects(method, instance, invocation, result, onThis);
        returned = result.Returned;
        return true;
    }

    /// <summary>
    /// The one of <paramref name="targets"/> an object of <paramref name="objectType"/> runs for <paramref name="method"/>
    /// (its override, or the implementation of the interface method); null when not among them.
    /// </summary>
    private static IMethodSymbol? ImplementationFor(INamedTypeSymbol? objectType, IMethodSymbol method, ImmutableArray<IMethodSymbol> targets)
    {
        if (objectType is null)
            return null;
        IMethodSymbol? runs = null;
        if (method.ContainingType?.TypeKind == TypeKind.Interface)
            runs = objectType.FindImplementationForInterfaceMember(method.OriginalDefinition) as IMethodSymbol;
        else
        {
            for (var type = objectType; type is not null && runs is null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    if (member is not IMethodSymbol candidate)
                        continue;
                    for (var overridden = candidate; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                        {
                            runs = candidate;
                            break;
                        }
                    }
                    if (runs is not null)
                        break;
                }
            }
        }
        if (runs is null)
            return null;
        foreach (var target in targets)
        {
            if (SymbolEqualityComparer.Default.Equals(target, runs.OriginalDefinition))
                return target;
        }
        return null;
    }

    /// <summary>
    /// A call that runs one of several methods of the compilation (overrides of a virtual or abstract method, the
    /// implementations of an interface method): what each returns, joined. Followed only when each is followed and
    /// none changes its arguments or fields (whose effects, one or the other, cannot be applied both); null otherwise.
    /// </summary>
    private AbstractValue? CallEach(ImmutableArray<IMethodSymbol> targets, IOperation? instance, AbstractValue? receiver, AbstractValue[] arguments, IInvocationOperation? invocation)
    {
        if (_program is null)
            return null;
        AbstractValue? joined = null;
        foreach (var target in targets)
        {
            if (_program.Trains(target, _cancellationToken))
                return null;
            var byOrdinal = new AbstractValue[target.Parameters.Length];
            for (var i = 0; i < byOrdinal.Length; i++)
                byOrdinal[i] = AbstractValue.Unknown;
            for (var i = 0; invocation is not null && i < invocation.Arguments.Length && i < arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < byOrdinal.Length)
                    byOrdinal[parameter.Ordinal] = WithDataPath(invocation.Arguments[i].Value, arguments[i]);
            }
            var self = instance is null || Strip(instance) is IInstanceReferenceOperation ? ThisObject() : receiver;
            var result = _program.Call(target, self, byOrdinal, _chain, _cancellationToken, null);
            if (result is null || result.IsCutShort)
            {
                if (result?.IsCutShort == true)
                    _cutShort = true;
                return null;
            }
            if (!result.ChangedParameters.IsEmpty || !result.WrittenFields.IsEmpty || result.Returned is null)
                return null;
            joined = joined is null ? result.Returned : joined.Join(result.Returned);
        }
        return joined;
    }

    /// <summary>
    /// A helper that trains on data handed to it inside a structure (<c>Train(model, optimizer, loss, reader.Data())</c>
    /// with an <c>IEnumerable&lt;(Tensor, Tensor)&gt;</c>, a dataset object): the helper is interpreted with this call's
    /// values, and what reaches its training forward from an argument is reported at that argument. Plain tensor
    /// parameters keep going through the helper's context-free summary (<see cref="TrainingSummary"/>).
    /// </summary>
    private void FollowTrainingWithStructuredData(IInvocationOperation invocation, IMethodSymbol method, AbstractValue[] arguments)
    {
        var any = false;
        for (var i = 0; i < arguments.Length && !any; i++)
            any = !_symbols.IsTensor(invocation.Arguments[i].Value.Type) && (arguments[i].Element is not null || !arguments[i].Elements.IsDefault || arguments[i].Members is not null);
        if (!any || _program is null || _program.BodyOf(method, _cancellationToken) is not { } body
            || !TrainingPrecheck.Scan(body, _symbols, followHelpers: false).MayTrain || _chain.Depth >= ProgramSummaries.MaxCallDepth)
            return;
        _facts.MeetsHelpers = true;
        if (_helperSummaries is null)
            return;
        var bound = new AbstractValue[method.Parameters.Length];
        for (var i = 0; i < bound.Length; i++)
            bound[i] = AbstractValue.Unknown.WithParameterOrdinal(i);
        for (var i = 0; i < invocation.Arguments.Length && i < arguments.Length; i++)
        {
            if (invocation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < bound.Length)
                bound[parameter.Ordinal] = arguments[i].WithParameterOrdinal(parameter.Ordinal);
        }
        if (_trainingCallSites.TryGetValue(invocation, out var previous) && SameInputs(null, null, previous, bound))
            return;
        _trainingCallSites[invocation] = bound;
        var interpreter = new TrainingInterpreter(_symbols, _program.OptionsFor(body.Syntax.SyntaxTree), method.OriginalDefinition, helperSummaries: null, _program, parameterConstants: null, _cancellationToken)
        {
            _chain = _chain.Push(method.OriginalDefinition),
            _workBudget = ProgramSummaries.CalleeWorkBudget,
        };
        foreach (var parameter in method.OriginalDefinition.Parameters)
            interpreter._environment[parameter] = bound[parameter.Ordinal];
        try
        {
            interpreter.Execute(body);
        }
        catch (BudgetExceededException)
        {
            return;
        }
        var facts = interpreter._facts;
        foreach (var forward in facts.Forwards)
        {
            if (!facts.IsTrainingForward(forward) || forward.ModuleNormalizesInput || forward.Value.ParameterOrdinal < 0)
                continue;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == forward.Value.ParameterOrdinal && !_symbols.IsTensor(argument.Value.Type))
                {
                    var site = new StructuredHelperFeature(argument, forward.Value.WithParameterOrdinal(-1), forward.CallText + " in " + method.Name);
                    _facts.StructuredHelperFeatures[argument] = _facts.StructuredHelperFeatures.TryGetValue(argument, out var known)
                        ? new StructuredHelperFeature(argument, known.Value.Join(site.Value), site.CallText)
                        : site;
                }
            }
        }
    }

    private readonly Dictionary<IOperation, AbstractValue[]> _trainingCallSites = new();

    /// <summary>
    /// For library models (a DataLoader calling a user Dataset's <c>GetTensor</c>, a module class's <c>forward</c>):
    /// what a method of this compilation returns when called on <paramref name="receiver"/> (an object value with
    /// <c>Members</c>, or null) with arguments by parameter ordinal. Its effects are not applied here; null when the
    /// call is not followed (not in this compilation, too deep, recursive, too large).
    /// </summary>
    internal AbstractValue? ReturnOfUserMethod(IMethodSymbol method, AbstractValue? receiver, params AbstractValue[] argumentsByOrdinal)
    {
        if (_program is null || !IsUserCode(method))
            return null;
        var arguments = new AbstractValue[method.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = i < argumentsByOrdinal.Length ? argumentsByOrdinal[i] : AbstractValue.Unknown;
        var result = _program.Call(method, method.IsStatic ? null : receiver, arguments, _chain, _cancellationToken);
        if (result is { IsCutShort: true })
            _cutShort = true;
        return result is { IsCutShort: false } ? result.Returned : null;
    }

    private static bool SameInputs(AbstractValue? receiverBefore, AbstractValue? receiver, AbstractValue[] before, AbstractValue[] now)
    {
        if ((receiverBefore is null) != (receiver is null) || (receiverBefore is not null && !receiverBefore.SameFacts(receiver!)))
            return false;
        for (var i = 0; i < before.Length; i++)
        {
            if (!before[i].SameFacts(now[i]))
                return false;
        }
        return true;
    }

    private void ApplyEffects(IMethodSymbol method, IOperation? instance, IInvocationOperation? invocation, CallResult result, bool onThis)
    {
        if (invocation is not null)
        {
            foreach (var changed in result.ChangedParameters)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal != changed.Key)
                        continue;
                    var target = Strip(argument.Value);
                    if (target is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation)
                    {
                        Assign(target, changed.Value);
                        if (target is IParameterReferenceOperation parameter)
                            _mutatedParameters.Add(parameter.Parameter);
                    }
                }
            }
        }
        foreach (var written in result.WrittenFields)
        {
            if (written.Key.IsStatic || onThis)
                WriteMember(written.Key, written.Value);
            else if (instance is not null && !written.Key.IsStatic)
                WriteMemberOf(instance, written.Key, written.Value);
        }
    }

    /// <summary>new C(...) of a class of this compilation: an object whose members its constructor and initializers wrote.</summary>
    private AbstractValue ObjectCreation(IObjectCreationOperation creation)
    {
        var arguments = creation.Arguments.Length == 0 ? Array.Empty<AbstractValue>() : new AbstractValue[creation.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = Evaluate(creation.Arguments[i].Value);
        var type = creation.Type;
        AbstractValue value;
        if (_symbols.IsDataLoader(type))
        {
            // new DataLoader(dataset, batchSize, ...): its batches are the dataset's items.
            var batchSize = default(double?);
            for (var i = 0; i < arguments.Length; i++)
            {
                if (creation.Arguments[i].Parameter?.Name == "batchSize" && arguments[i].Range.IsConstant)
                    batchSize = arguments[i].Range.Low;
            }
            var dataset = arguments.Length > 0 ? DatasetOf(creation.Arguments[0].Value, arguments[0]) : AbstractValue.Unknown;
            // new DataLoader<T, S>(dataset, size, collate_fn, ...): a batch is what collate_fn makes of the items.
            for (var i = 0; i < creation.Arguments.Length; i++)
            {
                if (creation.Arguments[i].Parameter?.Name == "collate_fn" && dataset.Element is { } item)
                    dataset = dataset with { Element = Collated(creation.Arguments[i].Value, item) ?? AbstractValue.Unknown };
            }
            return TorchDataTransfers.LoaderOver(dataset, batchSize);
        }
        if (IsTensorDictionary(type))
        {
            // new Dictionary<string, Tensor> { ["data"] = x, ... } or { { "data", x }, ... }: its entries by key.
            value = AbstractValue.Unknown with { Elements = ImmutableArray<AbstractValue>.Empty, ElementNames = ImmutableArray<string>.Empty };
            foreach (var entry in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                value = entry switch
                {
                    IInvocationOperation { Arguments.Length: 2 } add => WithEntry(value, add.Arguments[0].Value.ConstantValue, Evaluate(add.Arguments[1].Value)),
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } index } assignment
                        => WithEntry(value, index.Arguments[0].Value.ConstantValue, Evaluate(assignment.Value)),
                    _ => Unknowable(entry),
                };
            }
            return value;
        }
        if (type is INamedTypeSymbol { Name: "List", Arity: 1 } && _symbols.IsTensor(GenericTypes.OnlyTypeArgument(type))
            && arguments.Length == 0 && creation.Initializer is { Initializers.Length: > 0 } listInitializer)
        {
            // new List<Tensor> { data[index], labels[index] }: an IterableDataset's item, read by position as batch[0].
            var items = ImmutableArray.CreateBuilder<AbstractValue>(listInitializer.Initializers.Length);
            foreach (var item in listInitializer.Initializers)
            {
                if (item is not IInvocationOperation { Arguments.Length: 1 } add)
                    return Unknowable(item);
                items.Add(Evaluate(add.Arguments[0].Value));
            }
            return AbstractValue.Unknown with { Elements = items.MoveToImmutable() };
        }
        if (type is INamedTypeSymbol { Name: "StreamReader" or "FileStream", ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } } && arguments.Length > 0)
        {
            // new StreamReader(path), new StreamReader(File.OpenRead(path)), new FileStream(path, FileMode.Open): a data
            // file's lines, read with reader.ReadLine().
            if (creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
                return DataFileLines(creation.Arguments[0].Value, arguments[0]) ?? AbstractValue.Unknown;
            return arguments[0].FileText is { IsLines: true, SkippedLines: 0 } ? arguments[0] with { Identity = new object() } : AbstractValue.Unknown;
        }
        if (IsNumericCollection(type) || (type is INamedTypeSymbol { Name: "List" or "Queue" or "Stack" or "HashSet", IsGenericType: true } && IsCollection(type)))
        {
            // new List<float>(), new List<float>(capacity): empty; new List<float>(values): a copy.
            value = arguments.Length == 1 && IsCollection(creation.Arguments[0].Value.Type)
                ? arguments[0] with { Identity = new object() }
                : AbstractValue.EmptyCollection(ElementKindOf(type));
        }
        else if (_program is not null && creation.Constructor is { } constructor && IsUserCode(type!) && type!.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            var byOrdinal = new AbstractValue[constructor.Parameters.Length];
            for (var i = 0; i < byOrdinal.Length; i++)
                byOrdinal[i] = AbstractValue.Unknown;
            for (var i = 0; i < creation.Arguments.Length; i++)
            {
                if (creation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < byOrdinal.Length)
                    byOrdinal[parameter.Ordinal] = WithDataPath(creation.Arguments[i].Value, arguments[i]);
            }
            if (_capturedConstructor is not null && SymbolEqualityComparer.Default.Equals(constructor.OriginalDefinition, _capturedConstructor))
                CaptureArguments(byOrdinal);
            if (PrimaryConstructorMembers(type, constructor, byOrdinal) is { } positional)
                value = AbstractValue.Unknown with { Members = positional };
            else
            {
                var result = _program.Call(constructor, null, byOrdinal, _chain, _cancellationToken);
                if (result is { IsCutShort: true })
                    _cutShort = true;
                value = result is { IsCutShort: false }
                    ? AbstractValue.Unknown with { Members = result.WrittenFields }
                    : AbstractValue.Unknown;
            }
            value = value with { ObjectType = (INamedTypeSymbol)type! };
            // A model object that normalizes its input says so wherever it is kept (a field typed Module<Tensor, Tensor>).
            if (_objects is not null && _symbols.IsModule(type) && _objects.ModuleNormalizesInput((INamedTypeSymbol)type!, _cancellationToken))
                value = value.WithNormalizesInput(true);
            // A Dataset subclass: the tensors handed to it are where a fix scales its items (read at the DataLoader).
            if (_symbols.IsDataset(type))
                value = TaggedAsDataSources(value, creation, arguments);
        }
        else
        {
            value = AbstractValue.Unknown;
        }
        if (creation.Initializer is { } initializer)
            value = Initialize(value, initializer);
        return value;
    }

    /// <summary>
    /// What a DataLoader's <c>collate_fn</c> (a lambda, or a method of the compilation) returns given a sequence of the
    /// dataset's items; null when it is not followed.
    /// </summary>
    private AbstractValue? Collated(IOperation collate, AbstractValue item)
    {
        var items = CollectionOf(item);
        var target = Strip(collate);
        if (target is IDelegateCreationOperation creation)
            target = Strip(creation.Target);
        if (target is IAnonymousFunctionOperation)
            return EvaluateLambda(target, items, AbstractValue.Unknown);
        if (target is not IMethodReferenceOperation { Method: var method } || _program is null || !IsUserCode(method) || method.Parameters.Length < 1)
            return null;
        var byOrdinal = new AbstractValue[method.Parameters.Length];
        byOrdinal[0] = items;
        for (var i = 1; i < byOrdinal.Length; i++)
            byOrdinal[i] = AbstractValue.Unknown;
        var result = _program.Call(method.OriginalDefinition, method.IsStatic ? null : ThisObject(), byOrdinal, _chain, _cancellationToken);
        if (result is { IsCutShort: true })
            _cutShort = true;
        return result is { IsCutShort: false, Returned: { } returned } ? returned : null;
    }

    /// <summary>
    /// <c>new Car(hp, weight)</c> of a positional record (<c>record Car(float Horsepower, float Weight)</c>): its
    /// properties hold the arguments (the compiler writes that constructor; it has no body to interpret). Null for
    /// any other constructor.
    /// </summary>
    private static ImmutableDictionary<ISymbol, AbstractValue>? PrimaryConstructorMembers(ITypeSymbol type, IMethodSymbol constructor, AbstractValue[] byOrdinal)
    {
        if (type is not INamedTypeSymbol { IsRecord: true } || constructor.Parameters.IsEmpty
            || constructor.DeclaringSyntaxReferences is not { Length: 1 } declaration
            || declaration[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax)
            return null;
        // The properties the record declares from its parameters, as ML.NET's rows read them (RowConstructors).
        var members = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var (ordinal, member) in RowConstructors.MembersSet(constructor, default))
        {
            if (ordinal < byOrdinal.Length)
                members[member] = byOrdinal[ordinal];
        }
        return members.ToImmutable();
    }

    /// <summary>
    /// A dataset as a DataLoader reads it: a user's Dataset subclass gets its items from GetTensor with the fields it
    /// holds now (after whatever was called on it since it was made); any other value is as it is.
    /// </summary>
    internal AbstractValue DatasetOf(IOperation expression, AbstractValue dataset)
    {
        if (dataset.Element is not null || dataset.Members is null || _objects is null)
            return dataset;
        var type = Strip(expression).Type as INamedTypeSymbol;
        // Dataset train = new SensorDataset(...): the object's own class is the one its members belong to.
        if (type is null || !IsUserCode(type))
        {
            foreach (var member in dataset.Members.Keys)
            {
                if (member.ContainingType is { } owner && _symbols.IsDataset(owner) && (type is null || TorchSymbols.InheritsFrom(owner, type)))
                    type = owner;
                break;
            }
        }
        if (type is null || !_symbols.IsDataset(type) || !IsUserCode(type))
            return dataset;
        return _objects.DatasetItems(type, dataset, _chain, _cancellationToken) ?? dataset;
    }

    private AbstractValue Unknowable(IOperation operation)
    {
        Evaluate(operation);
        return AbstractValue.Unknown;
    }

    /// <summary>
    /// The dataset object with each member that holds, unchanged, a tensor handed to its constructor marked with that
    /// argument (<see cref="AbstractValue.DataSource"/>), so a fix can scale the tensor before the dataset is made.
    /// </summary>
    private AbstractValue TaggedAsDataSources(AbstractValue dataset, IObjectCreationOperation creation, AbstractValue[] arguments)
    {
        if (dataset.Members is not { } members)
            return dataset;
        var tagged = members;
        foreach (var pair in members)
        {
            for (var i = 0; i < creation.Arguments.Length; i++)
            {
                var argument = creation.Arguments[i].Value;
                if (_symbols.IsTensor(argument.Type) && pair.Value.Identity is not null && ReferenceEquals(arguments[i].Identity, pair.Value.Identity))
                    tagged = tagged.SetItem(pair.Key, pair.Value with { DataSource = argument });
            }
        }
        return dataset with { Members = tagged };
    }

    /// <summary>{ X = 1, Y = 2 } sets members; { 1, 2 } adds elements.</summary>
    private AbstractValue Initialize(AbstractValue value, IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment when member is IFieldSymbol or IPropertySymbol:
                    var memberValue = Evaluate(assignment.Value);
                    var members = value.Members ?? ImmutableDictionary.Create<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
                    value = value with { Members = members.SetItem(member, memberValue) };
                    break;
                case IInvocationOperation { Arguments.Length: 1 } add:
                    value = Added(value, CollectionOf(Evaluate(add.Arguments[0].Value)));
                    break;
                default:
                    Evaluate(item);
                    break;
            }
        }
        return value;
    }

    private static AbstractValue Added(AbstractValue collection, AbstractValue added, bool wholeRows = false)
    {
        // Numbers parsed from a row's fields, added to a list that gathers many rows: positions are no longer columns.
        // A whole row parsed at once (rows.Add(line.Split(',').Select(...).ToArray()) into a List<float[]>) keeps its
        // positions, as a float[][] made by LINQ does: rows[i].Take(3) is columns 0-2.
        if (added.FileText is { IsField: true } && !wholeRows)
            added = added with { FileText = null };
        return collection.IsEmptyCollection ? added : collection.Join(added) with { Identity = collection.Identity };
    }

    /// <summary>
    /// Runs a lambda given as an argument (a LINQ selector) with its parameters bound, in the current environment
    /// (it sees what it captures): what it returns, or null when the argument is not a lambda.
    /// </summary>
    private AbstractValue? EvaluateLambda(IOperation argument, params AbstractValue[] parameters)
    {
        var operation = Strip(argument);
        if (operation is IDelegateCreationOperation delegateCreation)
            operation = Strip(delegateCreation.Target);
        // Select(ParseRow): a method of the compilation given as a method group runs with the element.
        if (operation is IMethodReferenceOperation { Method: var method } && _program is not null && IsUserCode(method)
            && method.MethodKind == MethodKind.Ordinary && (method.IsStatic || operation is IMethodReferenceOperation { Instance: null or IInstanceReferenceOperation })
            && !_program.Trains(method, _cancellationToken))
        {
            var byOrdinal = new AbstractValue[method.Parameters.Length];
            for (var i = 0; i < byOrdinal.Length; i++)
                byOrdinal[i] = i < parameters.Length ? parameters[i] : AbstractValue.Unknown;
            var called = _program.Call(method.OriginalDefinition, method.IsStatic ? null : ThisObject(), byOrdinal, _chain, _cancellationToken);
            if (called is { IsCutShort: true })
                _cutShort = true;
            return called is { IsCutShort: false, Returned: { } calledReturned } ? calledReturned : null;
        }
        // rows.SelectMany(select) with select a delegate handed in (Func<T, float[]> select, the caller's lambda) or kept
        // in a local: the lambda it holds runs with the element (what it captured in the caller is not seen here).
        if (operation is IParameterReferenceOperation or ILocalReferenceOperation && Evaluate(operation).Callable is { Parent: IAnonymousFunctionOperation held })
        {
            _runningDelegates ??= new HashSet<IOperation>();
            if (!_runningDelegates.Add(held))
                return AbstractValue.Unknown;
            try
            {
                return EvaluateLambda(held, parameters);
            }
            finally
            {
                _runningDelegates.Remove(held);
            }
        }
        if (operation is not IAnonymousFunctionOperation lambda)
            return null;
        for (var i = 0; i < lambda.Symbol.Parameters.Length; i++)
            _environment[lambda.Symbol.Parameters[i]] = i < parameters.Length ? parameters[i] : AbstractValue.Unknown;
        var (returned, yielded) = (_returned, _yielded);
        _returned = null;
        Execute(lambda.Body);
        var result = _returned;
        (_returned, _yielded) = (returned, yielded);
        return result ?? AbstractValue.Unknown;
    }

    /// <summary>The .NET calls that carry data; null for anything not modelled here.</summary>
    private AbstractValue? DotNetCall(IInvocationOperation invocation, AbstractValue? receiver, AbstractValue[] arguments)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null || IsUserCode(type))
            return null;
        var name = method.Name;
        // DataFrame.LoadCsv(path) of a data file of the project.
        if (type.Name == "DataFrame" && IsDataAnalysisType(type))
            return DataFrameCall(invocation, arguments);
        if (receiver is not null && IsDataAnalysisType(type) && ColumnStatistic(method, receiver) is { } columnStatistic)
            return columnStatistic;
        // data.GetEnumerator() of a sequence whose elements are known: walked by MoveNext() and Current.
        if (receiver is not null && invocation.Instance is not null && IsEnumeratorOf(method) && AsSequence(invocation.Instance, receiver) is { Element: not null } sequence)
            return sequence;
        // series.AsSpan(i, 8).ToArray(), memory.Slice(...), span.ToArray(): views and copies of an array's numbers, which
        // keep the array's bound (the positions picked are not followed: a window of a series read from one column is
        // still that column).
        if (name is "AsSpan" or "AsMemory" && type.Name == "MemoryExtensions" && arguments.Length > 0 && IsNumericCollection(invocation.Arguments[0].Value.Type))
            return arguments[0] with { Rows = null, Columns = default, RowColumns = default, Identity = new object() };
        // Only straight off the array: a span or memory kept in a variable may have been written through (memory.Span[i] = v).
        if (receiver is not null && name is "ToArray" or "Slice" && type.Name is "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory"
            && invocation.Instance is { } view && Strip(view) is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" or "Slice" }
            && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && IsNumeric(GenericTypes.OnlyTypeArgument(type)))
            return receiver with { Rows = null, Columns = default, RowColumns = default, Identity = new object() };
        // By name first: the display string is built only for the few types modelled here (this runs on every call).
        var modelledType = type.Name is "Enumerable" or "Math" or "MathF" or "Random" or "File" or "Convert" or "Path" or "StreamReader" or "TextReader" or "Buffer" or "Array" ? type.ToDisplayString() : null;
        switch (modelledType)
        {
            case "System.Linq.Enumerable":
                return Linq(invocation, name, arguments);
            case "System.Math":
            case "System.MathF":
                return MathCall(name, arguments);
            case "System.Random":
                return RandomCall(name, arguments);
            case "System.IO.File" when name is "ReadAllLines" or "ReadLines" or "OpenText" or "OpenRead" or "Open" or "ReadAllLinesAsync":
                // The lines of a data file, or a reader of them (reader.ReadLine() gives one line at a time); awaited,
                // ReadAllLinesAsync gives the same lines (an await is its operand's value).
                return arguments.Length > 0 ? DataFileLines(invocation.Arguments[0].Value, arguments[0]) : null;
            case "System.IO.File" when name is "ReadAllText" or "ReadAllTextAsync":
                return arguments.Length > 0 && DataFileLines(invocation.Arguments[0].Value, arguments[0]) is { FileText: { } text } whole ? whole with { FileText = text.AsWholeText() } : null;
            case "System.IO.StreamReader" or "System.IO.TextReader" when name is "ReadLine" or "ReadToEnd" or "ReadLineAsync" or "ReadToEndAsync" && receiver?.FileText is { IsLines: true } lines:
                // Awaited, ReadLineAsync and ReadToEndAsync give what their synchronous twins give (an await is its operand's value).
                if (name is "ReadToEnd" or "ReadToEndAsync")
                    return receiver with { FileText = lines.AsWholeText() };
                // One line, after those already read; the reader moves on (a loop's rounds join to "every line after the header").
                if (invocation.Instance is { } reader && Strip(reader) is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation)
                    Assign(Strip(reader), receiver with { FileText = lines.Skipping(1) });
                return receiver;
            case "System.Buffer" when name == "BlockCopy":
            case "System.Array" when name is "Copy" or "ConstrainedCopy" or "CopyTo":
                // Buffer.BlockCopy(flat, 0, table, 0, n), Array.Copy(source, destination, n), source.CopyTo(destination, 0):
                // the destination now also holds the source's values.
                CopyInto(invocation, name, name == "CopyTo" ? receiver : ArgumentNamed(invocation, arguments, "src", "sourceArray"), ArgumentIndex(invocation, "dst", "destinationArray", "array"), arguments);
                return AbstractValue.Unknown;
            case "System.IO.Path" when name is "Combine" or "Join":
                return CombinedPath(invocation, arguments);
            case "System.IO.File" when name == "ReadAllBytes":
                return AbstractValue.Data(Interval.Of(0, 255), ValueOrigin.RuntimeData, ElementKind.Integer).WithSourceText("the file's bytes");
            case "System.Convert" when name is "ToSingle" or "ToDouble" or "ToDecimal":
                // Convert.ToSingle(column.Max()): a statistic handed over as an object is still that statistic.
                return arguments.Length > 0 && (IsNumeric(invocation.Arguments[0].Value.Type) || arguments[0].Statistic != StatisticKind.None)
                    ? arguments[0].WithKind(ElementKind.Floating)
                    : Parsed(arguments.Length > 0 ? arguments[0] : null, ElementKind.Floating);
        }
        if (name is "Parse" && IsNumeric(method.ReturnType) && type.SpecialType != SpecialType.None)
            return Parsed(arguments.Length > 0 ? arguments[0] : null, ElementKindOf(method.ReturnType), invocation);
        if (name is "TryParse" && type.SpecialType != SpecialType.None && IsNumeric(type) && arguments.Length >= 2
            && invocation.Arguments[invocation.Arguments.Length - 1] is { Parameter.RefKind: RefKind.Out } result)
        {
            // float.TryParse(parts[1], out var size): size is the number parsed (or 0, which a data file's bounds do not change much).
            Assign(Strip(result.Value), Parsed(arguments[0], ElementKindOf(type)));
            return AbstractValue.Unknown;
        }
        if (type.SpecialType == SpecialType.System_String && receiver?.FileText is { } receivedText)
        {
            switch (name)
            {
                case "Split" when SplitSeparators(invocation, arguments) is var (separators, dropsEmpty) && separators.Length > 0:
                    if (receivedText.IsWholeText)
                        return separators.IndexOf('\n') >= 0 ? receiver! with { FileText = receivedText.AsLines() } : null;
                    return receivedText.IsLines
                        ? AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown) with { FileText = receivedText.SplitOn(separators, dropsEmpty) }
                        : null;
                case "Trim" or "TrimEnd" or "TrimStart" when arguments.Length == 0:
                    // Spaces around a line or a field change none of its numbers.
                    return receiver;
            }
        }
        if (type is { Name: "List", IsGenericType: true } && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic" && invocation.Instance is { } list)
        {
            switch (name)
            {
                case "Add" or "Insert" when arguments.Length > 0:
                    var current = receiver ?? AbstractValue.Unknown;
                    AssignCollection(list, Added(current, CollectionOf(arguments[arguments.Length - 1]), IsNumericCollection(invocation.Arguments[invocation.Arguments.Length - 1].Value.Type)));
                    return AbstractValue.Unknown;
                case "AddRange" when arguments.Length == 1:
                    AssignCollection(list, Added(receiver ?? AbstractValue.Unknown, arguments[0]));
                    return AbstractValue.Unknown;
                case "ToArray" or "GetRange" or "AsReadOnly":
                    return receiver;
            }
        }
        return null;
    }

    private static ITypeSymbol? ElementTypeOf(IOperation? array)
    {
        while (array is IConversionOperation conversion)
            array = conversion.Operand;
        return (array?.Type as IArrayTypeSymbol)?.ElementType;
    }

    private static int ArgumentIndex(IInvocationOperation invocation, string name, string otherName, string thirdName)
    {
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            if (invocation.Arguments[i].Parameter?.Name is { } parameter && (parameter == name || parameter == otherName || parameter == thirdName))
                return i;
        }
        return -1;
    }

    private static AbstractValue? ArgumentNamed(IInvocationOperation invocation, AbstractValue[] arguments, string name, string otherName)
        => ArgumentIndex(invocation, name, otherName, otherName) is var i and >= 0 && i < arguments.Length ? arguments[i] : null;

    /// <summary>
    /// An array copied into another (<c>Buffer.BlockCopy</c>, <c>Array.Copy</c>, <c>CopyTo</c>): the destination joins the
    /// source's values; a 2-D table filled from rows of known columns laid end to end keeps those columns.
    /// </summary>
    private void CopyInto(IInvocationOperation invocation, string name, AbstractValue? source, int destinationIndex, AbstractValue[] arguments)
    {
        if (source is null || destinationIndex < 0 || destinationIndex >= arguments.Length)
            return;
        var destination = arguments[destinationIndex];
        var symbol = Strip(invocation.Arguments[destinationIndex].Value) switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };
        // Bytes copied into floats are reinterpreted, not converted: only arrays of one element type are followed.
        var sourceOperation = name == "CopyTo" ? invocation.Instance : ArgumentIndex(invocation, "src", "sourceArray", "sourceArray") is var s and >= 0 ? invocation.Arguments[s].Value : null;
        if (symbol is null || sourceOperation is null || ElementTypeOf(sourceOperation) is not { } sourceElement
            || !SymbolEqualityComparer.Default.Equals(sourceElement, ElementTypeOf(invocation.Arguments[destinationIndex].Value)))
        {
            if (symbol is not null)
                WriteVariable(symbol, destination.Derived() with { Range = Interval.Unknown, Columns = default, Origin = ValueOrigin.RuntimeData }, mutation: true);
            return;
        }
        var columns = destination.Columns;
        if (!columns.IsDefault)
            columns = !source.RowColumns.IsDefault && source.RowColumns.Length == columns.Length
                ? JoinColumns(columns, source.RowColumns)
                : source.Range.IsKnown && !source.JoinedColumns ? MapColumns(columns, column => column.Join(source.Range)) : default;
        var filled = destination.IsEmptyCollection
            ? source.WithRows(null)
            : destination with
            {
                Range = destination.Range.Join(source.Range),
                Columns = columns,
                Origin = AbstractValue.CombineOrigins(destination.Origin, source.Origin),
                Evidence = AbstractValue.JoinEvidence(destination, source),
                JoinedColumns = destination.JoinedColumns || source.JoinedColumns,
                SourceText = destination.SourceText ?? source.SourceText,
            };
        WriteVariable(symbol, filled, mutation: true);
    }

    /// <summary>
    /// <c>File.ReadAllLines(path)</c> / <c>File.ReadLines(path)</c> / <c>new StreamReader(path)</c> of a data file of the
    /// project: its lines, which carry the file (<see cref="DataFileText"/>); null (not modelled, as before) for any
    /// other path. The path is read from the code (<see cref="DataFilePaths"/>), or from the value it came in as (a
    /// constructor's parameter kept in a field: <see cref="AbstractValue.DataPath"/>).
    /// </summary>
    private AbstractValue? DataFileLines(IOperation pathOperation, AbstractValue pathValue)
    {
        if (_program is not { DataFiles.IsEmpty: false } program || _options.DataFileLimits.IsOff)
            return null;
        if ((DataFilePaths.Evaluate(pathOperation, _cancellationToken) ?? pathValue.DataPath) is not { } path || program.DataFiles.Find(path) is not { } file)
            return EitherDataFileLines(program.DataFiles, pathOperation, pathValue.EitherDataPaths);
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown) with { FileText = DataFileText.Lines(program.DataFiles, file) };
    }

    /// <summary>
    /// A path that names one of a few data files of the project, decided at run time (<c>train ? "a.csv" : "b.csv"</c>,
    /// a loop over an array of paths): the lines of any of them, so a number parsed from them is bounded by all; null
    /// unless every path names exactly one file of the project.
    /// </summary>
    private AbstractValue? EitherDataFileLines(ProjectDataFiles files, IOperation pathOperation, ImmutableArray<DataFilePath> handedIn)
    {
        var paths = DataFilePaths.EvaluateEither(pathOperation, _cancellationToken);
        if (paths.IsDefault)
            paths = handedIn;
        if (paths.IsDefault)
            return null;
        var found = ImmutableArray.CreateBuilder<Microsoft.CodeAnalysis.AdditionalText>(paths.Length);
        foreach (var path in paths)
        {
            if (files.Find(path) is not { } file)
                return null;
            if (!found.Contains(file))
                found.Add(file);
        }
        var either = found.ToImmutable();
        var text = either.Length == 1 ? DataFileText.Lines(files, either[0]) : DataFileText.LinesOfEither(files, either);
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, ElementKind.Unknown) with { FileText = text };
    }

    /// <summary>
    /// A string argument handed to a method or constructor of this compilation, with the data file path it names when
    /// the code says so (<c>new Reader("Data/houses.csv")</c>): the callee's <c>File.ReadAllLines(path)</c> reads it.
    /// Only when the project has data files.
    /// </summary>
    private AbstractValue WithDataPath(IOperation argument, AbstractValue value)
    {
        if (_program is not { DataFiles.IsEmpty: false } program || argument.Type?.SpecialType != SpecialType.System_String)
            return value;
        if (value.DataPath is { } known && program.DataFiles.Find(known) is not null)
            return value;
        if (value.DataPath is null && DataFilePaths.Evaluate(argument, _cancellationToken) is { } path)
            return value with { DataPath = path };
        // One of a few files, chosen where the call is (a loop over names around it): the callee may read any of them.
        var either = DataFilePaths.EvaluateEither(argument, _cancellationToken);
        return either.IsDefault ? value : value with { EitherDataPaths = either };
    }

    /// <summary><c>Path.Combine(root, "Data", file)</c> with parts known from the code or from the values they came in as: the known end of the path.</summary>
    private AbstractValue? CombinedPath(IInvocationOperation invocation, AbstractValue[] arguments)
    {
        if (_program is not { DataFiles.IsEmpty: false })
            return null;
        DataFilePath? combined = null;
        for (var i = invocation.Arguments.Length - 1; i >= 0; i--)
        {
            var argument = invocation.Arguments[i];
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
                return AbstractValue.Unknown with { DataPath = DataFilePaths.Evaluate(invocation, _cancellationToken) };
            var part = DataFilePaths.Evaluate(argument.Value, _cancellationToken) ?? (i < arguments.Length ? arguments[i].DataPath : null);
            if (part is null)
            {
                combined = combined?.AfterUnknownPrefix();
                break;
            }
            combined = combined is null ? part : DataFilePath.Combine(part, combined);
        }
        return AbstractValue.Unknown with { DataPath = combined };
    }

    /// <summary>
    /// A number parsed from text (<c>float.Parse(parts[2])</c>, <c>Convert.ToSingle(parts[2])</c>): run-time data whose
    /// range is unknown, unless the text is a column of a data file of the project, whose bounds it then takes.
    /// </summary>
    private AbstractValue Parsed(AbstractValue? text, ElementKind kind, IInvocationOperation? parse = null)
    {
        // float.Parse(parts[1], german) reads "78,5" as 78.5: the file's numbers are read with that decimal marker.
        var decimalMarker = parse is null ? '.' : NumberCultures.DecimalMarkerOf(parse, _cancellationToken);
        if (text?.FileText is { } fileText && fileText.ColumnOf(_options.DataFileLimits, _cancellationToken, decimalMarker) is { } column)
        {
            // The numbers keep the columns they come from, so a row parsed whole (parts.Select(float.Parse).ToArray())
            // can still be taken apart by position (row[2], row.Take(2)).
            return AbstractValue.Data(Interval.Of(column.Min, column.Max), ValueOrigin.RuntimeData, kind)
                with { Evidence = column.Evidence, JoinedColumns = column.Columns > 1, FileText = fileText.IsField ? fileText : null };
        }
        return AbstractValue.Data(Interval.Unknown, ValueOrigin.RuntimeData, kind);
    }

    /// <summary>
    /// Some positions of a row of numbers: when the row was parsed from a known run of a data file's columns, the
    /// numbers of the columns at those positions (<paramref name="skip"/>, at most <paramref name="take"/>, -1 for all;
    /// <paramref name="take"/> 1 for one position); otherwise, when the row's bound joins several columns, unknown
    /// (which columns those positions hold is not known); otherwise the row's own bound.
    /// </summary>
    internal AbstractValue PositionsOf(AbstractValue row, int skip, int take)
    {
        // Numbers all parsed from one column (a column read row by row, series[i + j]): any of them is that column.
        if (row.FileText is { IsField: true, First: >= 0 } column && column.First == column.Last)
            return row with { Identity = new object(), Columns = default };
        if (row.FileText is { IsField: true } parsed)
            return Parsed(AbstractValue.Unknown with { FileText = take == 1 ? parsed.AsFields().Field(skip) : parsed.AsFields().Slice(skip, take) is var slice ? slice.AnyField() : null }, row.Kind)
                with { Identity = new object() };
        return row.JoinedColumns ? row.Derived() with { Range = Interval.Unknown, Columns = default, Evidence = null, JoinedColumns = false } : row;
    }

    /// <summary><c>float.Parse</c> given as a method group (<c>Select(float.Parse)</c>); null for anything else.</summary>
    private static IMethodSymbol? ParseMethodGroup(IOperation argument)
    {
        var operation = Strip(argument);
        if (operation is IDelegateCreationOperation delegateCreation)
            operation = Strip(delegateCreation.Target);
        return operation is IMethodReferenceOperation { Method: { Name: "Parse", IsStatic: true } method } && IsNumeric(method.ReturnType)
               && method.ContainingType?.SpecialType is { } special && special != SpecialType.None
            ? method
            : null;
    }

    /// <summary>
    /// The separator characters of <c>line.Split(',')</c>, <c>Split(",")</c>, <c>Split(',', ';')</c>,
    /// <c>Split(new[] { ',', ';' })</c>, <c>Split(Separators)</c> (a <c>static readonly char[]</c> or a local array of
    /// constants), and whether the options drop empty fields (<c>RemoveEmptyEntries</c>; <c>TrimEntries</c> keeps every
    /// field where it is). "\r\n" and <c>Environment.NewLine</c> count as "\n". Null for a count argument, a
    /// separator of several characters, or one not known at compile time.
    /// </summary>
    private (string Separators, bool DropsEmpty)? SplitSeparators(IInvocationOperation invocation, AbstractValue[] arguments)
    {
        var separators = "";
        var dropsEmpty = false;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            var value = Strip(argument.Value);
            var parameterType = argument.Parameter?.Type;
            if (parameterType?.TypeKind == TypeKind.Enum)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    continue;
                if (value.ConstantValue is not { HasValue: true, Value: int options } || (options & ~3) != 0)
                    return null;
                dropsEmpty = (options & 1) != 0;
                continue;
            }
            if (parameterType?.SpecialType == SpecialType.System_Int32)
                return null;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            if (value is IArrayCreationOperation { Initializer.ElementValues: var elements })
            {
                foreach (var element in elements)
                {
                    if (SeparatorText(Strip(element)) is not { } text)
                        return null;
                    separators += text;
                }
                continue;
            }
            if (SeparatorText(value) is { } single)
            {
                separators += single;
                continue;
            }
            if (value is IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } field } && ConstantCharacters(field) is { } declared)
            {
                separators += declared;
                continue;
            }
            return null;
        }
        return (separators, dropsEmpty);
    }

    private static string? SeparatorText(IOperation value)
    {
        if (value is IPropertyReferenceOperation { Property: { Name: "NewLine", IsStatic: true, ContainingType.Name: "Environment" } })
            return "\n";
        return value.ConstantValue switch
        {
            { HasValue: true, Value: char c } => c.ToString(),
            { HasValue: true, Value: string { Length: 1 } s } => s,
            { HasValue: true, Value: "\r\n" } => "\n",
            _ => null,
        };
    }

    /// <summary>The characters of <c>static readonly char[] Separators = { ',', ';' };</c> (or <c>new[] { ... }</c>), read from its declaration.</summary>
    private static string? ConstantCharacters(IFieldSymbol field)
    {
        if (FieldInitializers.LiteralElements(field) is not { IsDefault: false } elements)
            return null;
        var characters = "";
        foreach (var element in elements)
        {
            if (element is not char c)
                return null;
            characters += c;
        }
        return characters;
    }

    private void AssignCollection(IOperation target, AbstractValue value)
    {
        target = Strip(target);
        Assign(target, value);
        if (target is IParameterReferenceOperation parameter)
            _mutatedParameters.Add(parameter.Parameter);
    }

    /// <summary>
    /// The identity of what a selector picks from each element: the source's when it hands the element on, the picked
    /// member's when it reads one member of a row held in the source (<c>flats.Min(f => f.Area)</c> is a statistic of
    /// the same data as <c>f.Area</c> read later from the same rows, so <c>(f.Area - minArea) / (maxArea - minArea)</c>
    /// is min-max scaled); anything the selector computes is new data.
    /// </summary>
    private static object SelectedIdentity(AbstractValue source, AbstractValue selected)
    {
        if (source.Identity is not null && ReferenceEquals(selected.Identity, source.Identity))
            return source.Identity;
        if (selected.Identity is { } member && source.Element?.Members is { } members && selected.Elements.IsDefault && selected.Members is null && selected.Element is null)
        {
            foreach (var value in members.Values)
            {
                if (ReferenceEquals(value.Identity, member))
                    return member;
            }
        }
        return new object();
    }

    /// <summary>The arguments of one creation of the constructor asked about (<see cref="ArgumentsHandedTo"/>), joined with those met before.</summary>
    private void CaptureArguments(AbstractValue[] byOrdinal)
    {
        if (_capturedArguments is null)
        {
            _capturedArguments = (AbstractValue[])byOrdinal.Clone();
            return;
        }
        for (var i = 0; i < _capturedArguments.Length && i < byOrdinal.Length; i++)
            _capturedArguments[i] = _capturedArguments[i].Join(byOrdinal[i]);
    }

    private AbstractValue? Linq(IInvocationOperation invocation, string name, AbstractValue[] arguments)
    {
        if (arguments.Length == 0)
            return null;
        var source = AsSequence(invocation.Arguments[0].Value, arguments[0]);
        var sourceElement = ElementOf(source, invocation.Arguments[0].Value.Type);
        AbstractValue Selected(int lambdaIndex)
            => arguments.Length > lambdaIndex
                ? EvaluateLambda(invocation.Arguments[lambdaIndex].Value, sourceElement, AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer)) is { } selected
                    ? CollectionOf(selected) with { Identity = SelectedIdentity(source, selected) }
                    : AbstractValue.Unknown
                : source;
        switch (name)
        {
            case "Skip" when source.FileText is { IsLines: true } lines && arguments.Length == 2 && arguments[1].Range.IsConstant && arguments[1].Range.Low is >= 0 and <= 1:
                // The header skip of a data file's lines: the rest are its rows.
                return source with { Rows = null, FileText = lines.Skipping((int)arguments[1].Range.Low) };
            case "Skip" or "Take" when (source.FileText is { IsField: true } || source.JoinedColumns) && source.FileText is not { IsFields: true }:
                // row.Take(2) of numbers parsed from a row: the numbers of those columns.
                if (arguments.Length == 2 && arguments[1].Range.IsConstant && arguments[1].Range.Low is >= 0 and < DataFiles.DataFileLimits.MaxColumns)
                {
                    var positions = (int)arguments[1].Range.Low;
                    return name == "Skip" ? PositionsOf(source, positions, -1) : PositionsOf(source, 0, positions);
                }
                return PositionsOf(source, 0, 0);
            case "Skip" or "Take" when source.FileText is { IsFields: true } fields && arguments.Length == 2 && arguments[1].Range.IsConstant && arguments[1].Range.Low is >= 0 and < DataFiles.DataFileLimits.MaxColumns:
                // parts.Take(11), parts.Skip(1): the fields of those columns.
                var fieldCount = (int)arguments[1].Range.Low;
                return source with { Rows = null, FileText = name == "Skip" ? fields.Slice(fieldCount, -1) : fields.Slice(0, fieldCount) };
            case "Select" when arguments.Length == 2 && source.FileText is not null && ParseMethodGroup(invocation.Arguments[1].Value) is { } parse:
                // lines.Select(float.Parse): each line of a one-column data file parsed whole; parts.Select(float.Parse): every field.
                return CollectionOf(Parsed(sourceElement, ElementKindOf(parse.ReturnType)));
            case "Select":
                return Selected(1);
            case "Zip" when arguments.Length == 3:
                // years.Zip(kilometres, (year, km) => new[] { year, km }): the selector runs with an element of each sequence.
                var second = AsSequence(invocation.Arguments[1].Value, arguments[1]);
                return EvaluateLambda(invocation.Arguments[2].Value, sourceElement, ElementOf(second, invocation.Arguments[1].Value.Type)) is { } zipped
                    ? CollectionOf(zipped)
                    : AbstractValue.Unknown;
            case "Zip" when arguments.Length == 2 && !IsNumeric(invocation.Arguments[1].Value.Type):
                // years.Zip(kilometres): pairs (First, Second) of an element of each sequence.
                var paired = AsSequence(invocation.Arguments[1].Value, arguments[1]);
                return CollectionOf(AbstractValue.Unknown.WithElements(ImmutableArray.Create(sourceElement, ElementOf(paired, invocation.Arguments[1].Value.Type))));
            case "SelectMany":
                if (arguments.Length < 2 || EvaluateLambda(invocation.Arguments[1].Value, sourceElement) is not { } inner)
                    return AbstractValue.Unknown;
                var flat = CollectionOf(inner.FileText is { IsFields: true } innerFields ? inner with { FileText = innerFields.AnyField() } : ElementOf(inner));
                // Rows of known columns, one after another: the flat sequence keeps each column's bound.
                return RowColumnsOf(inner) is { IsDefault: false } rowColumns ? flat with { RowColumns = rowColumns, FileText = null } : flat;
            case "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Take" or "Skip" or "TakeLast" or "SkipLast"
                or "Reverse" or "Distinct" or "ToArray" or "ToList" or "AsEnumerable" or "Shuffle" or "DefaultIfEmpty" or "Cast" or "OfType":
                for (var i = 1; i < arguments.Length; i++)
                    EvaluateLambda(invocation.Arguments[i].Value, ElementOf(source));
                return source with
                {
                    Rows = name is "ToArray" or "ToList" or "Reverse" or "OrderBy" or "OrderByDescending" or "Shuffle" ? source.Rows : null,
                    // Fields filtered or counted off by a number not known here are no longer known columns.
                    FileText = source.FileText is { IsFields: true } && name is "Where" or "Take" or "Skip" or "TakeLast" or "SkipLast" or "Distinct" ? null : source.FileText,
                };
            case "Chunk" when arguments.Length == 2:
                // rows.Chunk(16): mini-batches, each an array of the rows (a chunk of a data file's lines is some of its lines).
                var chunk = source.FileText is { IsLines: true } ? source with { Rows = null, Identity = new object() } : CollectionOf(sourceElement);
                return AbstractValue.Unknown with { Element = chunk, Origin = chunk.Origin, Kind = chunk.Kind, Identity = new object() };
            case "Concat" or "Union" or "Append" or "Prepend" when arguments.Length == 2:
                var other = name is "Append" or "Prepend" ? CollectionOf(arguments[1]) : arguments[1];
                return source.IsEmptyCollection ? other : other.IsEmptyCollection ? source : source.Join(other) with { Rows = null };
            case "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" or "ElementAt" or "ElementAtOrDefault":
                // parts.First() of a split line is its first field; any other pick of a field is some field.
                if (source.FileText is { IsFields: true } picked && IsStringSequence(invocation.Arguments[0].Value.Type))
                    return name is "First" or "FirstOrDefault" && arguments.Length == 1 ? source with { FileText = picked.Field(0) } : source with { FileText = null };
                if (source.FileText is { IsField: true } || source.JoinedColumns)
                    return name is "First" or "FirstOrDefault" && arguments.Length == 1 ? PositionsOf(source, 0, 1)
                        : name is "ElementAt" or "ElementAtOrDefault" && arguments.Length == 2 && arguments[1].Range is { IsConstant: true, Low: >= 0 and < DataFiles.DataFileLimits.MaxColumns } at ? PositionsOf(source, (int)at.Low, 1)
                        : PositionsOf(source, 0, 0);
                return sourceElement;
            case "Range" when arguments.Length == 2 && arguments[0].Range.IsConstant && arguments[1].Range.IsConstant:
                var start = arguments[0].Range.Low;
                var count = arguments[1].Range.Low;
                return count <= 0
                    ? AbstractValue.EmptyCollection(ElementKind.Integer)
                    : AbstractValue.Data(Interval.Of(start, start + count - 1), ValueOrigin.Literal, ElementKind.Integer).WithRows((long)count);
            case "Repeat" when arguments.Length == 2:
                return CollectionOf(arguments[0]);
            case "Average" or "Min" or "Max" or "Sum":
                var values = Selected(1);
                var element = ElementOf(values);
                var identity = values.Identity;
                switch (name)
                {
                    case "Average" when element.Statistic == StatisticKind.SquaredDeviation:
                    case "Sum" when element.Statistic == StatisticKind.SquaredDeviation:
                        return element.Derived() with { Statistic = StatisticKind.Variance, StatisticOf = element.StatisticOf, Range = name == "Average" ? element.Range : Interval.Unknown };
                    case "Average":
                        return Statistic(element, StatisticKind.Centre, element.Range, identity).WithKind(ElementKind.Floating);
                    case "Min":
                        return Statistic(element, StatisticKind.Minimum, element.Range, identity);
                    case "Max":
                        return Statistic(element, StatisticKind.Maximum, element.Range, identity);
                    default:
                        return element.Derived() with { Range = Interval.Unknown, Columns = default };
                }
            case "Count" or "LongCount":
                return source.Rows is long rows ? AbstractValue.Data(Interval.Constant(rows), ValueOrigin.Literal, ElementKind.Integer) : AbstractValue.Data(Interval.Unknown, ValueOrigin.Unknown, ElementKind.Integer);
            default:
                return null;
        }
    }

    /// <summary>Widest row whose columns are tracked one by one when rows are flattened.</summary>
    private const int MaxRowColumns = 256;

    /// <summary>
    /// The bound of each position of one row: numbers parsed from a known run of a data file's columns, or a literal
    /// array of values (<c>new[] { float.Parse(p[0]), float.Parse(p[1]) }</c>); default otherwise.
    /// </summary>
    private ImmutableArray<Interval> RowColumnsOf(AbstractValue row)
    {
        if (row.FileText is { IsField: true } parsed)
            return parsed.ColumnRanges(_options.DataFileLimits, MaxRowColumns, _cancellationToken);
        if (!row.Elements.IsDefault && row.Elements.Length is > 0 and <= MaxRowColumns && row.ElementNames.IsDefault)
        {
            var builder = ImmutableArray.CreateBuilder<Interval>(row.Elements.Length);
            foreach (var element in row.Elements)
            {
                if (!element.Range.IsKnown || !element.Elements.IsDefault || element.Element is not null)
                    return default;
                builder.Add(element.Range);
            }
            return builder.MoveToImmutable();
        }
        return default;
    }

    /// <summary>
    /// An element of a collection of the static type <paramref name="collectionType"/>: a split line of a data file
    /// (<c>string[]</c>) holds fields, so its element is one of its fields, while a sequence of split lines
    /// (<c>IEnumerable&lt;string[]&gt;</c>, carried by the same value) holds split lines.
    /// </summary>
    internal AbstractValue ElementOf(AbstractValue collection, ITypeSymbol? collectionType)
    {
        var element = ElementOf(collection);
        return element.FileText is { IsFields: true } fields && IsStringSequence(collectionType) ? element with { FileText = fields.AnyField() } : element;
    }

    private static bool IsStringSequence(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return array.ElementType.SpecialType == SpecialType.System_String;
            case INamedTypeSymbol { SpecialType: SpecialType.System_String }:
                return false;
            case INamedTypeSymbol named:
                if (named.IsGenericType && named.TypeArguments.Length == 1 && named.TypeArguments[0].SpecialType == SpecialType.System_String)
                    return true;
                foreach (var implemented in named.AllInterfaces)
                {
                    if (implemented is { Name: "IEnumerable", IsGenericType: true } && implemented.TypeArguments[0].SpecialType == SpecialType.System_String)
                        return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static AbstractValue Statistic(AbstractValue element, StatisticKind kind, Interval range, object? of)
    {
        var statistic = element.Derived() with { Range = range, Columns = default, Rows = null };
        return of is null ? statistic : statistic.WithStatistic(kind, of);
    }

    private AbstractValue? MathCall(string name, AbstractValue[] arguments)
    {
        if (arguments.Length == 0)
            return null;
        var x = arguments[0];
        switch (name)
        {
            case "Sqrt":
                var root = x.Derived() with { Range = x.Range.Low >= 0 ? x.Range.Power(0.5) : Interval.Unknown, Columns = default };
                return x.Statistic == StatisticKind.Variance ? root.WithStatistic(StatisticKind.Spread, x.StatisticOf) : root;
            case "Abs":
                return x with { Range = x.Range.Abs(), Columns = default };
            case "Pow" when arguments.Length == 2 && arguments[1].Range.IsConstant:
                var exponent = arguments[1].Range.Low;
                if (exponent == 2 && x.Statistic == StatisticKind.Centred)
                    return x.Derived() with { Range = x.Range.Power(2), Statistic = StatisticKind.SquaredDeviation, StatisticOf = x.StatisticOf };
                if (exponent == 0.5 && x.Statistic == StatisticKind.Variance)
                    return x.Derived() with { Range = x.Range.Power(0.5), Statistic = StatisticKind.Spread, StatisticOf = x.StatisticOf };
                return x.Derived() with { Range = x.Range.Power(exponent), Columns = default };
            case "Exp":
                return x.Derived() with { Range = x.Range.Monotone(Math.Exp), Columns = default };
            case "Log":
                return x.Derived() with { Range = x.Range.Low > 0 ? x.Range.Monotone(Math.Log) : Interval.Unknown, Columns = default };
            case "Round" or "Floor" or "Ceiling" or "Truncate":
                return x.Derived() with { Range = x.Range.IsKnown ? Interval.Of(Math.Floor(x.Range.Low), Math.Ceiling(x.Range.High)) : Interval.Unknown, Columns = default };
            case "Min" or "Max" when arguments.Length == 2:
                var y = arguments[1];
                var range = x.Range.IsKnown && y.Range.IsKnown
                    ? name == "Min" ? Interval.Of(Math.Min(x.Range.Low, y.Range.Low), Math.Min(x.Range.High, y.Range.High)) : Interval.Of(Math.Max(x.Range.Low, y.Range.Low), Math.Max(x.Range.High, y.Range.High))
                    : Interval.Unknown;
                return x.Derived() with { Range = range, Origin = AbstractValue.CombineOrigins(x.Origin, y.Origin), Columns = default };
            case "Clamp" when arguments.Length == 3:
                return x.Derived() with { Range = x.Range.Clamp(arguments[1].Range.IsConstant ? arguments[1].Range.Low : null, arguments[2].Range.IsConstant ? arguments[2].Range.Low : null), Columns = default };
            default:
                return null;
        }
    }

    /// <summary>Random numbers generated in code: their range is the generator's.</summary>
    private static AbstractValue? RandomCall(string name, AbstractValue[] arguments)
    {
        switch (name)
        {
            case "NextDouble" or "NextSingle":
                return AbstractValue.Data(UnitInterval, ValueOrigin.Generated, ElementKind.Floating);
            case "Next" or "NextInt64":
                Interval range;
                if (arguments.Length == 0)
                    range = Interval.Unknown;
                else if (arguments.Length == 1)
                    range = arguments[0].Range.IsConstant ? Interval.Of(0, Math.Max(0, arguments[0].Range.Low - 1)) : Interval.Unknown;
                else
                    range = arguments[0].Range.IsKnown && arguments[1].Range.IsKnown ? Interval.Of(arguments[0].Range.Low, Math.Max(arguments[0].Range.Low, arguments[1].Range.High - 1)) : Interval.Unknown;
                return AbstractValue.Data(range, ValueOrigin.Generated, ElementKind.Integer);
            default:
                return null;
        }
    }
}
