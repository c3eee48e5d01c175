using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// What the private readonly fields of this compilation's classes hold, so that a training method reading its data
/// from a field (<c>private static readonly Tensor X = torch.tensor(...)</c>, or one set in the constructor) is
/// analysed like one reading a local. A field's value is the join of what its initializer and the constructors write
/// to it, computed once per compilation, and only trusted when nothing else can change the values it refers to:
/// <list type="bullet">
/// <item>readonly: only initializers and constructors of its class may assign it;</item>
/// <item>private and in a class: every use is in the class's own code (a struct may be overwritten whole);</item>
/// <item>every use is a read that cannot change its contents: an operand, a property read, an element read, or an
/// argument or receiver of a TorchSharp method that is not in place (no trailing underscore, no writable accessor),
/// a LINQ query, a module's forward, ScalingAnalyzer.Runtime (the fixes' scalers), or console output. Anything else (in-place calls, element writes, passing it to
/// other methods, copying the reference into a variable) leaves the field unknown, so it is never reported.</item>
/// </list>
/// </summary>
internal sealed class ReadonlyFieldValues
{
    /// <summary>TorchSharp members that hand out writable access to a tensor's storage.</summary>
    private static readonly ImmutableHashSet<string> WritableAccessors = ImmutableHashSet.Create("data", "bytes", "DataItem", "data_ptr");

    /// <summary>How many fields may be computed inside one another (X from Y from Z ...).</summary>
    private const int MaxNesting = 16;

    private readonly Compilation _compilation;
    private readonly TorchSymbols _symbols;
    private readonly Func<SyntaxTree, ScalingOptions> _optionsFor;

    // One lock for every field: a field's initializer may read other fields (even in a cycle), and computing them
    // under one reentrant lock cannot deadlock, where a lock per field could across threads.
    private readonly object _gate = new();
    private readonly Dictionary<IFieldSymbol, AbstractValue?> _values = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IFieldSymbol> _inProgress = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>?> _identifiers = new(SymbolEqualityComparer.Default);

    private readonly Func<SyntaxTree, SemanticModel> _semanticModelFor;

    public ReadonlyFieldValues(Compilation compilation, TorchSymbols symbols, Func<SyntaxTree, ScalingOptions> optionsFor, Func<SyntaxTree, SemanticModel> semanticModelFor)
    {
        _semanticModelFor = semanticModelFor;
        _compilation = compilation;
        _symbols = symbols;
        _optionsFor = optionsFor;
    }

    /// <summary>The field's value, or null when it is not known (see the class summary for when it is).</summary>
    public AbstractValue? ValueOf(IFieldSymbol field, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_values.TryGetValue(field, out var known))
                return known;
            // A field read while its own value is being computed (X = Y + 1, Y = X + 1): unknown there. Fields defined
            // from fields nest the computation: past MaxNesting levels they are unknown, so the stack stays small. (In a
            // chain longer than that, which fields end up known depends on which was asked for first; unknown only
            // ever means silent.)
            if (_inProgress.Count >= MaxNesting || !_inProgress.Add(field))
                return null;
            AbstractValue? value;
            try
            {
                value = Compute(field, cancellationToken);
            }
            finally
            {
                _inProgress.Remove(field);
            }
            _values[field] = value;
            return value;
        }
    }

    /// <summary>
    /// A private instance field of a class that only initializers and constructors write and that every other use
    /// only reads without changing (readonly or not): what a constructor put there holds for the object's lifetime.
    /// </summary>
    public bool IsFixedAfterConstruction(IFieldSymbol field, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_fixed.TryGetValue(field, out var known))
                return known;
            var isFixed = !field.IsConst && field.DeclaredAccessibility == Accessibility.Private && Writers(field, cancellationToken) is not null;
            _fixed[field] = isFixed;
            return isFixed;
        }
    }

    private readonly Dictionary<IFieldSymbol, bool> _fixed = new(SymbolEqualityComparer.Default);

    private AbstractValue? Compute(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly || field.IsConst || field.DeclaredAccessibility != Accessibility.Private
            || Writers(field, cancellationToken) is not { } writers)
            return null;

        AbstractValue? value = null;
        var options = _optionsFor(field.DeclaringSyntaxReferences[0].SyntaxTree);
        foreach (var writer in writers)
        {
            var written = TrainingInterpreter.ValueWrittenTo(field, writer, _symbols, options, f => ValueOf(f, cancellationToken), cancellationToken);
            if (written is null)
                return null;
            value = value is null ? written : value.Join(written);
        }
        return value is null ? null : Detached(value);
    }

    /// <summary>
    /// The initializer and constructors that write the field, when those are its only writes and every other use is
    /// a read that cannot change its contents; null otherwise.
    /// </summary>
    private List<IOperation>? Writers(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (field.ContainingType is not { TypeKind: TypeKind.Class } type || field.DeclaringSyntaxReferences.Length != 1)
            return null;

        var writers = new List<IOperation>();
        if (Initializer(field, cancellationToken) is { } initializer)
            writers.Add(initializer);
        if (IdentifiersOf(type, cancellationToken) is not { } identifiers)
            return null;
        if (identifiers.TryGetValue(field.Name, out var spelledLikeTheField))
        {
            foreach (var node in spelledLikeTheField)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReferenceAt(node, field, _semanticModelFor(node.SyntaxTree), cancellationToken) is not { } reference)
                    continue;
                if (IsWrite(reference))
                {
                    // Readonly: this is an initializer or a constructor of the class (an init accessor gives it a value from outside).
                    if (ConstructorBodyOf(reference) is not { } constructor)
                        return null;
                    if (!writers.Contains(constructor))
                        writers.Add(constructor);
                }
                else if (!IsSafeRead(reference))
                {
                    return null;
                }
            }
        }
        return writers;
    }

    /// <summary>
    /// The identifier tokens' nodes in the class's code (all its parts, nested types included), by spelling: read once
    /// per class, so a class with many fields is not scanned once per field. Null when part of the class is not in
    /// this compilation's trees.
    /// </summary>
    private Dictionary<string, List<SyntaxNode>>? IdentifiersOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (_identifiers.TryGetValue(type, out var known))
            return known;
        Dictionary<string, List<SyntaxNode>>? identifiers = new(StringComparer.Ordinal);
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            var root = declaration.GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(root.SyntaxTree))
            {
                identifiers = null;
                break;
            }
            foreach (var token in root.DescendantTokens())
            {
                if (token.Parent is not { } node || token.ValueText.Length == 0 || !char.IsLetter(token.ValueText[0]) && token.ValueText[0] != '_')
                    continue;
                if (!identifiers.TryGetValue(token.ValueText, out var nodes))
                    identifiers[token.ValueText] = nodes = new List<SyntaxNode>();
                nodes.Add(node);
            }
        }
        _identifiers[type] = identifiers;
        return identifiers;
    }

    /// <summary>
    /// The value as other methods may see it: nothing tied to the constructor that computed it (its parameters, the
    /// operations where it met a model or a loss).
    /// </summary>
    private static AbstractValue? Detached(AbstractValue value)
    {
        if (value.Origin == ValueOrigin.Parameter || value.ParameterOrdinal >= 0)
            return null;
        return value with { ForwardCalls = ImmutableArray<IOperation>.Empty, LossCalls = ImmutableArray<IOperation>.Empty };
    }

    private IOperation? Initializer(IFieldSymbol field, CancellationToken cancellationToken)
    {
        var declarator = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(declarator.SyntaxTree))
            return null;
        var model = _semanticModelFor(declarator.SyntaxTree);
        foreach (var child in declarator.ChildNodes())
        {
            if (model.GetOperation(child, cancellationToken) is IFieldInitializerOperation initializer)
                return initializer;
        }
        return null;
    }

    private static IFieldReferenceOperation? ReferenceAt(SyntaxNode identifier, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
    {
        // `_x` is bound at the identifier, `this._x` at the member access around it.
        var operation = model.GetOperation(identifier, cancellationToken) ?? (identifier.Parent is { } parent ? model.GetOperation(parent, cancellationToken) : null);
        return operation is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field, field) ? reference : null;
    }

    private static bool IsWrite(IFieldReferenceOperation reference)
        => reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference);

    private static IOperation? ConstructorBodyOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IConstructorBodyOperation constructor)
                return constructor;
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return null;
        }
        return null;
    }

    private bool IsSafeRead(IFieldReferenceOperation reference)
    {
        IOperation current = reference;
        while (current.Parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
            current = current.Parent;
        switch (current.Parent)
        {
            case IBinaryOperation:
            case IUnaryOperation:
            case IInterpolationOperation:
                return true;
            case IPropertyReferenceOperation property when ReferenceEquals(property.Instance, current):
                return !WritableAccessors.Contains(property.Property.Name) && !IsWriteTarget(property);
            case IArrayElementReferenceOperation element when ReferenceEquals(element.ArrayReference, current):
                return !IsWriteTarget(element);
            case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, current):
                return DoesNotChangeItsInputs(invocation.TargetMethod);
            case IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In, Parent: IInvocationOperation invocation }:
                return DoesNotChangeItsInputs(invocation.TargetMethod);
            default:
                return false;
        }
    }

    /// <summary>An element or property assigned, updated, or passed by reference.</summary>
    private static bool IsWriteTarget(IOperation operation) => operation.Parent switch
    {
        IAssignmentOperation assignment => ReferenceEquals(assignment.Target, operation),
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
        _ => false,
    };

    private bool DoesNotChangeItsInputs(IMethodSymbol method)
    {
        var name = method.Name;
        if (_symbols.IsTorchSharpType(method.ContainingType))
            return !TorchSymbols.IsInPlaceName(name) && !WritableAccessors.Contains(name);
        if (name is "forward" or "call" && _symbols.IsModule(method.ContainingType))
            return true;
        // Our runtime library (the fixes insert StandardScaler.Fit(X)) never changes its inputs.
        if (method.ContainingAssembly?.Name == "ScalingAnalyzer.Runtime")
            return true;
        var owner = method.ContainingType?.ToDisplayString();
        return owner is "System.Linq.Enumerable" or "System.Console";
    }

}
