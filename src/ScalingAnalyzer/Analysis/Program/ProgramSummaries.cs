using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ScalingAnalyzer.Analysis.DataFiles;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// What the methods, constructors, property getters, fields and auto-properties of this compilation hold and
/// return, read by every rule wherever data flows out of user code: <c>var (x, y) = LoadData();</c>,
/// <c>new CsvReader(path).Rows()</c>, a field filled in a constructor or a <c>Load</c> method.
/// <para>
/// The entry points are <see cref="ReturnValueOf"/> (what a call returns, given the call's argument values) and
/// <see cref="FieldValue"/> (what a field or auto-property holds when every write to it is visible). Inside the
/// training interpreter calls are made through <see cref="Call"/>, which also reports what the callee did to its
/// parameters and to the fields of its object.
/// </para>
/// <para>
/// Cost and termination, in the manner of roslyn-analyzers' interprocedural configuration: a call chain is followed
/// at most <see cref="MaxCallDepth"/> levels deep, a body longer than <see cref="MaxBodyLength"/> characters is not
/// interpreted, each interpretation has its own work budget, and a method already on the chain (recursion, a cycle
/// of calls) is unknown there. A result is cached per method only when it depends on nothing but the method (no
/// arguments, no object) and no limit cut it short, so cached results never depend on which caller asked first.
/// Anything cut short is unknown, which is silent.
/// </para>
/// </summary>
internal sealed partial class ProgramSummaries
{
    /// <summary>How many calls deep a chain is followed from the method being analysed.</summary>
    public const int MaxCallDepth = 3;

    /// <summary>Bodies longer than this (in characters of source) are not interpreted as callees.</summary>
    public const int MaxBodyLength = 40_000;

    /// <summary>Work units one callee's interpretation may spend (see <see cref="TrainingInterpreter"/>).</summary>
    public const int CalleeWorkBudget = 150_000;

    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, SemanticModel> _semanticModelFor;
    private readonly Func<SyntaxTree, ScalingOptions> _optionsFor;
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IOperation>> _initializers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, CallResult> _contextFree = new(SymbolEqualityComparer.Default);
    private readonly ReadonlyFieldValues _fields;

    public ProgramSummaries(Compilation compilation, TorchSymbols symbols, Func<SyntaxTree, ScalingOptions> optionsFor, Func<SyntaxTree, SemanticModel> semanticModelFor)
    {
        _compilation = compilation;
        ImplementationsOf = new MethodImplementations(compilation);
        Symbols = symbols;
        _optionsFor = optionsFor;
        _semanticModelFor = semanticModelFor;
        _fields = new ReadonlyFieldValues(compilation, symbols, this, optionsFor, semanticModelFor);
    }

    public TorchSymbols Symbols { get; }

    /// <summary>The library models of objects of the compilation's classes (datasets, modules); set once, before any analysis.</summary>
    internal IProgramObjects? Objects { get; set; }

    /// <summary>The project's data files (AdditionalFiles), read as evidence of what .NET code parses out of them; set once, before any analysis.</summary>
    internal ProjectDataFiles DataFiles { get; set; } = ProjectDataFiles.None;

    private int _changesDataFrames = -1;

    /// <summary>
    /// Whether code of the compilation may change a Microsoft.Data.Analysis frame or column after it is loaded (a column
    /// assigned, <c>df["x"] = ...</c>, <c>df.Columns[i] = ...</c>, <c>col[i] = v</c>; <c>inPlace</c> arithmetic;
    /// <c>Apply</c>; columns removed, added or inserted): then what a frame holds is not what its file shows, and
    /// frames are not followed. A look at the text of the trees that name the library, once per compilation.
    /// </summary>
    public bool ChangesDataFrames(CancellationToken cancellationToken)
    {
        if (_changesDataFrames < 0)
            _changesDataFrames = DataFrameChanges.Any(_compilation, cancellationToken) ? 1 : 0;
        return _changesDataFrames == 1;
    }

    /// <summary>
    /// What a call of <paramref name="method"/> with these argument values (by parameter ordinal; fewer values mean
    /// unknown for the rest) returns; null when it is not known (not in this compilation, too large, recursive).
    /// </summary>
    public AbstractValue? ReturnValueOf(IMethodSymbol method, ImmutableArray<AbstractValue> arguments, CancellationToken cancellationToken)
    {
        var values = new AbstractValue[method.Parameters.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = !arguments.IsDefault && i < arguments.Length ? arguments[i] : AbstractValue.Unknown;
        return Call(method, receiver: null, values, CallChain.Empty, cancellationToken)?.Returned;
    }

    /// <summary>
    /// What a field or an auto-property holds wherever it is read, joined over every write to it, when every write is
    /// visible in this compilation and nothing changes its contents unseen (<see cref="ReadonlyFieldValues"/>); null otherwise.
    /// </summary>
    public AbstractValue? FieldValue(ISymbol fieldOrProperty, CancellationToken cancellationToken)
        => _fields.ValueOf(fieldOrProperty, cancellationToken);

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, AbstractValue>?> _constructorPaths = new(SymbolEqualityComparer.Default);
    private Dictionary<string, List<SyntaxNode>>? _creationsByName;
    private readonly object _creationsGate = new();

    /// <summary>
    /// The data file paths a constructor is always handed (<c>new HousePriceModel("Data/houses.csv")</c> at every
    /// creation in the compilation, the same path each time), by parameter: what a field it sets from them holds
    /// wherever it is read (<see cref="FieldValue"/>). Null when the project has no data files, the constructor has no
    /// string parameter, it is reached another way (a derived class, <c>this(...)</c>), or the creations disagree.
    /// </summary>
    public ImmutableDictionary<ISymbol, AbstractValue>? ConstructorPaths(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        constructor = constructor.OriginalDefinition;
        if (DataFiles.IsEmpty || constructor.MethodKind != MethodKind.Constructor || constructor.ContainingType is not { } type)
            return null;
        var any = false;
        foreach (var parameter in constructor.Parameters)
            any |= parameter.Type.SpecialType == SpecialType.System_String;
        if (!any)
            return null;
        if (_constructorPaths.TryGetValue(constructor, out var known))
            return known;
        var result = FindConstructorPaths(constructor, type, cancellationToken);
        return _constructorPaths.GetOrAdd(constructor, result);
    }

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, AbstractValue>?> _methodPaths = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The data file path every call of an ordinary method of the compilation hands its string parameters
    /// (<c>trainer.Load(Path.Combine(AppContext.BaseDirectory, "Data", "greenhouse.csv"))</c>), as parameter values for
    /// interpreting its body on its own (a field it writes, read by another method); null when the project has no data
    /// files, the method is virtual or used other than by calls (a method group), or the calls disagree.
    /// </summary>
    public ImmutableDictionary<ISymbol, AbstractValue>? MethodPaths(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (DataFiles.IsEmpty || method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsAbstract || method.IsOverride)
            return null;
        var any = false;
        foreach (var parameter in method.Parameters)
            any |= parameter.Type.SpecialType == SpecialType.System_String;
        if (!any)
            return null;
        if (_methodPaths.TryGetValue(method, out var known))
            return known;
        return _methodPaths.GetOrAdd(method, FindMethodPaths(method, cancellationToken));
    }

    private ImmutableDictionary<ISymbol, AbstractValue>? FindMethodPaths(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<IParameterSymbol, DataFilePath?>(SymbolEqualityComparer.Default);
        var sites = 0;
        foreach (var identifier in CodeText.IdentifiersSpelled(_compilation, method.Name, cancellationToken))
        {
            var model = _semanticModelFor(identifier.SyntaxTree);
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, method))
                continue;
            var called = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? (ExpressionSyntax)access : identifier;
            if (called.Parent is not InvocationExpressionSyntax call || call.Expression != called
                || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                return null;
            sites++;
            JoinArgumentPaths(paths, method.Parameters, invocation.Arguments, cancellationToken);
        }
        return sites == 0 ? null : PathValues(paths);
    }

    /// <summary>The data file path one call hands each string parameter, joined with what the calls before it handed: kept only while they agree.</summary>
    private static void JoinArgumentPaths(Dictionary<IParameterSymbol, DataFilePath?> paths, ImmutableArray<IParameterSymbol> parameters,
        ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String)
                continue;
            DataFilePath? path = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal)
                    path = DataFilePaths.Evaluate(argument.Value, cancellationToken);
            }
            paths[parameter] = !paths.TryGetValue(parameter, out var before) ? path : before is not null && before.SameAs(path) ? before : null;
        }
    }

    /// <summary>The parameters every call agreed on, as values that carry their path; null when none did.</summary>
    private static ImmutableDictionary<ISymbol, AbstractValue>? PathValues(Dictionary<IParameterSymbol, DataFilePath?> paths)
    {
        var seeded = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var pair in paths)
        {
            if (pair.Value is not null)
                seeded[pair.Key] = AbstractValue.Unknown with { DataPath = pair.Value };
        }
        return seeded.Count == 0 ? null : seeded.ToImmutable();
    }

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, AbstractValue>?> _constructorArguments = new(SymbolEqualityComparer.Default);

    /// <summary>At most this many <c>new</c> expressions of a constructor are interpreted for <see cref="ConstructorArguments"/>.</summary>
    private const int MaxCreationSites = 4;

    /// <summary>
    /// What every creation of the class in the compilation hands its constructor, by parameter, joined over the creations
    /// (<c>new Trainer(model, torch.tensor(features), torch.tensor(output))</c> in <c>Main</c>): each creating method is
    /// interpreted up to its creations, as its own analysis would (a factory's path parameter holding the data file every
    /// call of it names, <see cref="MethodPaths"/>). A field the constructor sets from a parameter then
    /// holds what the callers handed in, wherever it is read (<see cref="FieldValue"/>: a trainer class given its data
    /// through its constructor and trained by <c>Fit(epochs)</c>). Null when the class is reached another way (a derived
    /// class, <c>this(...)</c>), is never created, is created in more than <see cref="MaxCreationSites"/> places, or one
    /// creation is where its method cannot be followed (a lambda, a local function, an initializer, a body too large or
    /// past its work budget).
    /// </summary>
    public ImmutableDictionary<ISymbol, AbstractValue>? ConstructorArguments(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        constructor = constructor.OriginalDefinition;
        if (constructor.MethodKind != MethodKind.Constructor || constructor.Parameters.IsEmpty || constructor.ContainingType is not { } type)
            return null;
        if (_constructorArguments.TryGetValue(constructor, out var known))
            return known;
        var result = FindConstructorArguments(constructor, type, cancellationToken);
        return _constructorArguments.GetOrAdd(constructor, result);
    }

    private ImmutableDictionary<ISymbol, AbstractValue>? FindConstructorArguments(IMethodSymbol constructor, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!ImplementationsOf.OnlyCreatedByNew(type, cancellationToken))
            return null;
        var creators = new List<IMethodSymbol>();
        foreach (var node in CreationsNamed(type.Name, cancellationToken))
        {
            var model = _semanticModelFor(node.SyntaxTree);
            if (model.GetOperation(node, cancellationToken) is not IObjectCreationOperation creation
                || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, constructor))
                continue;
            if (model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } creator)
                return null;
            AddOnce(creators, creator);
            if (creators.Count > MaxCreationSites)
                return null;
        }
        if (creators.Count == 0)
            return null;
        if (JoinArgumentsHandedBy(creators, constructor, cancellationToken, out _) is not { } joined)
            return null;
        var values = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        for (var i = 0; i < constructor.Parameters.Length && i < joined.Length; i++)
            values[constructor.Parameters[i]] = joined[i];
        return values.Count == 0 ? null : values.ToImmutable();
    }

    private ImmutableDictionary<ISymbol, AbstractValue>? FindConstructorPaths(IMethodSymbol constructor, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!ImplementationsOf.OnlyCreatedByNew(type, cancellationToken))
            return null;
        var paths = new Dictionary<IParameterSymbol, DataFilePath?>(SymbolEqualityComparer.Default);
        var sites = 0;
        foreach (var node in CreationsNamed(type.Name, cancellationToken))
        {
            var model = _semanticModelFor(node.SyntaxTree);
            if (model.GetOperation(node, cancellationToken) is not IObjectCreationOperation creation
                || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, constructor))
                continue;
            sites++;
            JoinArgumentPaths(paths, constructor.Parameters, creation.Arguments, cancellationToken);
        }
        return sites == 0 ? null : PathValues(paths);
    }

    /// <summary>The object creations of the compilation (<c>new T(...)</c> by the name written, <c>new(...)</c> under ""), found in one walk of its trees.</summary>
    private List<SyntaxNode> CreationsNamed(string name, CancellationToken cancellationToken)
    {
        lock (_creationsGate)
        {
            if (_creationsByName is null)
            {
                var byName = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        var written = node switch
                        {
                            ObjectCreationExpressionSyntax { Type: var typeSyntax } => RightmostName(typeSyntax),
                            ImplicitObjectCreationExpressionSyntax => "",
                            _ => null,
                        };
                        if (written is null)
                            continue;
                        if (!byName.TryGetValue(written, out var list))
                            byName[written] = list = new List<SyntaxNode>();
                        list.Add(node);
                    }
                }
                _creationsByName = byName;
            }
            var found = new List<SyntaxNode>();
            if (_creationsByName.TryGetValue(name, out var named))
                found.AddRange(named);
            if (_creationsByName.TryGetValue("", out var implicitCreations))
                found.AddRange(implicitCreations);
            return found;
        }
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>How many implementations of one method a call is followed into (their results joined).</summary>
    public const int MaxImplementations = MethodImplementations.MaxImplementations;

    /// <summary>The interface, abstract and virtual methods' implementations in this compilation (<see cref="MethodImplementations"/>).</summary>
    public MethodImplementations ImplementationsOf { get; }

    /// <inheritdoc cref="MethodImplementations.SingleImplementation"/>
    public IMethodSymbol? SingleImplementation(IMethodSymbol method, CancellationToken cancellationToken)
        => ImplementationsOf.SingleImplementation(method, cancellationToken);

    /// <inheritdoc cref="MethodImplementations.Implementations"/>
    public ImmutableArray<IMethodSymbol> Implementations(IMethodSymbol method, CancellationToken cancellationToken)
        => ImplementationsOf.Implementations(method, cancellationToken);

    private ImmutableArray<INamedTypeSymbol> SourceTypes(CancellationToken cancellationToken) => ImplementationsOf.SourceTypes(cancellationToken);

    /// <summary>
    /// The executable body of a method, constructor, accessor or local function declared once in this compilation and
    /// small enough to interpret; null otherwise.
    /// </summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_bodies.TryGetValue(method, out var known))
            return known;
        var body = FindBody(method, cancellationToken);
        return _bodies.GetOrAdd(method, body);
    }

    private IOperation? FindBody(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || method.IsExtern)
            return null;
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree) || syntax.Span.Length > MaxBodyLength)
            return null;
        var operation = TrainingPrecheck.BodyOf(_semanticModelFor(syntax.SyntaxTree).GetOperation(syntax, cancellationToken));
        return operation is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation ? operation : null;
    }

    /// <summary>
    /// A method that trains itself (backward and an optimizer's step in its body): what it hands back is a history, a
    /// model or a loss, not data, and what it does with its parameters is its <see cref="TrainingSummary"/>'s business,
    /// so calls of it are not followed for their value (which would interpret every training helper once more per caller).
    /// </summary>
    public bool Trains(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_trains.TryGetValue(method, out var known))
            return known;
        // The text first: a callee whose code names no backward and step (nor a training helper) cannot train, and most
        // callees are data helpers, whose operation trees the scan would otherwise walk once more.
        var trains = method.DeclaringSyntaxReferences.Length == 1
                     && TrainingTextFilter.For(_compilation).MayTrain(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken))
                     && BodyOf(method, cancellationToken) is { } body && TrainingPrecheck.Scan(body, Symbols, followHelpers: false).MayTrain;
        return _trains.GetOrAdd(method, trains);
    }

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _trains = new(SymbolEqualityComparer.Default);

    /// <summary>The initializers of the instance fields and auto-properties of a class, in declaration order.</summary>
    public ImmutableArray<IOperation> InstanceInitializersOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (_initializers.TryGetValue(type, out var known))
            return known;
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member is not (IFieldSymbol or IPropertySymbol) || member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.Length != 1)
                continue;
            var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                continue;
            var model = _semanticModelFor(syntax.SyntaxTree);
            foreach (var child in syntax.ChildNodes())
            {
                var initializer = model.GetOperation(child, cancellationToken);
                if (initializer is IFieldInitializerOperation or IPropertyInitializerOperation)
                    builder.Add(initializer);
            }
        }
        return _initializers.GetOrAdd(type, builder.ToImmutable());
    }

    public ScalingOptions OptionsFor(SyntaxTree tree) => _optionsFor(tree);

    /// <summary>
    /// Interprets <paramref name="method"/> for one call: its parameters bound to <paramref name="arguments"/>, the
    /// fields of its object to <paramref name="receiver"/>'s members. Null when the call is not followed.
    /// </summary>
    internal CallResult? Call(IMethodSymbol method, AbstractValue? receiver, AbstractValue[] arguments, CallChain chain, CancellationToken cancellationToken, IReadOnlyDictionary<ISymbol, AbstractValue>? captured = null)
    {
        method = method.OriginalDefinition;
        if (chain.Depth >= MaxCallDepth || chain.Contains(method))
            return CallResult.CutShort;
        var contextFree = arguments.Length == 0 && receiver?.Members is null && captured is null;
        if (contextFree && _contextFree.TryGetValue(method, out var cached))
            return cached;
        var body = BodyOf(method, cancellationToken);
        var isConstructor = method.MethodKind == MethodKind.Constructor;
        if (body is null && !(isConstructor && method.IsImplicitlyDeclared))
            return null;
        var initializers = isConstructor && method.ContainingType is { } type ? InstanceInitializersOf(type, cancellationToken) : ImmutableArray<IOperation>.Empty;
        var result = TrainingInterpreter.InterpretCall(body, initializers, method, this, receiver, arguments, captured, chain.Push(method), CalleeWorkBudget, cancellationToken);
        if (contextFree && !result.IsCutShort)
            result = _contextFree.GetOrAdd(method, result);
        return result;
    }
}

/// <summary>The methods being interpreted, caller first: recursion and depth are judged on it.</summary>
internal sealed class CallChain
{
    public static readonly CallChain Empty = new(null, null, 0);

    private readonly IMethodSymbol? _method;
    private readonly CallChain? _caller;

    private CallChain(IMethodSymbol? method, CallChain? caller, int depth)
    {
        _method = method;
        _caller = caller;
        Depth = depth;
    }

    public int Depth { get; }

    public CallChain Push(IMethodSymbol method) => new(method, this, Depth + 1);

    public bool Contains(IMethodSymbol method)
    {
        for (var link = this; link is not null; link = link._caller)
        {
            if (link._method is not null && SymbolEqualityComparer.Default.Equals(link._method, method))
                return true;
        }
        return false;
    }
}

/// <summary>What one followed call did: its result, and what it left in the parameters it changed and in the fields it wrote.</summary>
internal sealed class CallResult
{
    /// <summary>A call not followed because a limit (depth, recursion, budget) cut it short.</summary>
    public static readonly CallResult CutShort = new(null, ImmutableDictionary<int, AbstractValue>.Empty, ImmutableDictionary<ISymbol, AbstractValue>.Empty, isCutShort: true);

    public CallResult(AbstractValue? returned, ImmutableDictionary<int, AbstractValue> changedParameters, ImmutableDictionary<ISymbol, AbstractValue> writtenFields, bool isCutShort)
    {
        Returned = returned;
        ChangedParameters = changedParameters;
        WrittenFields = writtenFields;
        IsCutShort = isCutShort;
    }

    /// <summary>The join of what the method returns (or the sequence an iterator yields); null when unknown or void.</summary>
    public AbstractValue? Returned { get; }

    /// <summary>Parameters whose contents the method changed (an array filled, a tensor scaled in place), by ordinal.</summary>
    public ImmutableDictionary<int, AbstractValue> ChangedParameters { get; }

    /// <summary>Fields and auto-properties (of its object, or static) the method wrote, with what they hold after it.</summary>
    public ImmutableDictionary<ISymbol, AbstractValue> WrittenFields { get; }

    /// <summary>A limit cut this interpretation or one below it short: it is not cached.</summary>
    public bool IsCutShort { get; }
}
