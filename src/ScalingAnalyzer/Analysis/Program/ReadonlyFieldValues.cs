using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// What the fields and auto-properties of this compilation's classes hold wherever they are read, so that a training
/// method reading its data from a field (<c>private static readonly Tensor X = torch.tensor(...)</c>, one set in the
/// constructor, a <c>List&lt;Tensor&gt;</c> filled by a <c>Load</c> method) is analysed like one reading a local. A
/// member's value is the join of what every write to it puts there (its initializer, constructors, methods, items
/// added to it), computed once per compilation, and only trusted when every write is visible and nothing else can
/// change the values it refers to:
/// <list type="bullet">
/// <item>private (a field, or an auto-property whose setter is private or absent) and in a class: every use is in the
/// class's own code, which this compilation holds (a struct may be overwritten whole);</item>
/// <item>readonly members are written only by initializers and constructors; other members by any method of the
/// class, not by a lambda or local function (whose time of running is not known);</item>
/// <item>every other use is a read that cannot change its contents: an operand, a property or element read, or an
/// argument or receiver of a TorchSharp method that is not in place (no trailing underscore, no writable accessor),
/// a LINQ query, a module's forward, ScalingAnalyzer.Runtime (the fixes' scalers), or console output. Anything else
/// (in-place calls, passing it to other methods, copying the reference into a variable) leaves the member unknown; a
/// string, number, bool or char cannot be changed through a read, so any use of one that is not a write is a read;</item>
/// <item>writes that disagree (one scaled, another raw) leave it unknown: their order is not known here.</item>
/// </list>
/// </summary>
internal sealed class ReadonlyFieldValues
{
    /// <summary>TorchSharp members that hand out writable access to a tensor's storage.</summary>
    private static readonly ImmutableHashSet<string> WritableAccessors = ImmutableHashSet.Create("data", "bytes", "DataItem", "data_ptr");

    /// <summary>List methods that add to the list: a write of the list's contents.</summary>
    private static readonly ImmutableHashSet<string> Additions = ImmutableHashSet.Create("Add", "AddRange", "Insert", "InsertRange");

    /// <summary>List methods that read it only.</summary>
    private static readonly ImmutableHashSet<string> ListReads = ImmutableHashSet.Create("Contains", "IndexOf", "ToArray", "GetRange", "Exists", "Find", "FindIndex", "TrueForAll", "GetEnumerator");

    /// <summary>How many fields may be computed inside one another (X from Y from Z ...).</summary>
    private const int MaxNesting = 16;

    private readonly Compilation _compilation;
    private readonly TorchSymbols _symbols;
    private readonly ProgramSummaries _program;
    private readonly Func<SyntaxTree, ScalingOptions> _optionsFor;

    // One lock for every field: a field's initializer may read other fields (even in a cycle), and computing them
    // under one reentrant lock cannot deadlock, where a lock per field could across threads.
    private readonly object _gate = new();
    private readonly Dictionary<ISymbol, AbstractValue?> _values = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _inProgress = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>?> _identifiers = new(SymbolEqualityComparer.Default);

    private readonly Func<SyntaxTree, SemanticModel> _semanticModelFor;

    public ReadonlyFieldValues(Compilation compilation, TorchSymbols symbols, ProgramSummaries program, Func<SyntaxTree, ScalingOptions> optionsFor, Func<SyntaxTree, SemanticModel> semanticModelFor)
    {
        _semanticModelFor = semanticModelFor;
        _compilation = compilation;
        _symbols = symbols;
        _program = program;
        _optionsFor = optionsFor;
    }

    /// <summary>The member's value, or null when it is not known (see the class summary for when it is).</summary>
    public AbstractValue? ValueOf(ISymbol field, CancellationToken cancellationToken)
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

    private AbstractValue? Compute(ISymbol member, CancellationToken cancellationToken)
    {
        bool readOnly;
        switch (member)
        {
            case IFieldSymbol field when !field.IsConst && !field.IsImplicitlyDeclared && field.DeclaredAccessibility == Accessibility.Private:
                readOnly = field.IsReadOnly;
                break;
            case IPropertySymbol property when TrainingInterpreter.IsAutoProperty(property)
                                               && (property.DeclaredAccessibility == Accessibility.Private || property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private):
                readOnly = property.SetMethod is null;
                break;
            default:
                return null;
        }
        if (member.ContainingType is not { TypeKind: TypeKind.Class } type || member.DeclaringSyntaxReferences.Length != 1)
            return null;

        // A string or a number cannot be changed through a read of it (a path handed to File.ReadAllLines): only
        // assignments and ref/out arguments write it.
        var memberType = member switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
        var immutable = memberType?.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
                        || TrainingInterpreter.IsNumeric(memberType);
        var writers = new List<IOperation>();
        if (Initializer(member, cancellationToken) is { } initializer)
            writers.Add(initializer);
        if (IdentifiersOf(type, cancellationToken) is not { } identifiers)
            return null;
        IPropertySymbol? backed = null;
        if (identifiers.TryGetValue(member.Name, out var spelledLikeTheField))
        {
            foreach (var node in spelledLikeTheField)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReferenceAt(node, member, _semanticModelFor(node.SyntaxTree), cancellationToken) is not { } reference)
                    continue;
                // A property backed by this field (set => _inputs = value; get => _inputs ?? throw ...): its writes and
                // reads are the field's, checked below.
                if (member is IFieldSymbol backingField && BackedPropertyAt(reference, backingField, type) is { } property)
                {
                    if (backed is not null && !SymbolEqualityComparer.Default.Equals(backed, property))
                        return null;
                    backed = property;
                    continue;
                }
                if (IsWrite(reference) || IsAddition(reference) || IsElementWrite(reference))
                {
                    // Readonly: this is an initializer or a constructor of the class (an init accessor gives it a value
                    // from outside); otherwise any member body of the class, run as a whole.
                    if (WriterOf(reference, constructorOnly: readOnly && !IsAddition(reference) && !IsElementWrite(reference)) is not { } writer)
                        return null;
                    if (!writers.Contains(writer))
                        writers.Add(writer);
                }
                else if (!IsSafeRead(reference) && !(immutable && !IsWriteTarget(reference)))
                {
                    return null;
                }
            }
        }

        if (backed is not null && !PropertyUsesAreSafe(backed, type, identifiers, writers, immutable, cancellationToken))
            return null;

        AbstractValue? value = null;
        bool anyScaled = false, anyRaw = false;
        var options = _optionsFor(member.DeclaringSyntaxReferences[0].SyntaxTree);
        foreach (var writer in writers)
        {
            // A constructor always handed the same data file path (new Model("Data/houses.csv")) reads that file.
            // A method always handed the same path (trainer.Load("Data/greenhouse.csv")) likewise.
            var parameters = writer is IConstructorBodyOperation && !_program.DataFiles.IsEmpty
                             && _semanticModelFor(writer.Syntax.SyntaxTree).GetDeclaredSymbol(writer.Syntax, cancellationToken) is IMethodSymbol constructor
                ? _program.ConstructorPaths(constructor, cancellationToken)
                : writer is IMethodBodyOperation && !_program.DataFiles.IsEmpty
                  && _semanticModelFor(writer.Syntax.SyntaxTree).GetDeclaredSymbol(writer.Syntax, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                    ? _program.MethodPaths(method, cancellationToken)
                    : null;
            var written = TrainingInterpreter.ValueWrittenTo(member, writer, _program, options, cancellationToken, parameters);
            // Set from what the constructor is handed (_x = x): what every creation of the class hands it.
            if (written is not null && (written.Origin == ValueOrigin.Parameter || written.ParameterOrdinal >= 0) && writer is IConstructorBodyOperation
                && _semanticModelFor(writer.Syntax.SyntaxTree).GetDeclaredSymbol(writer.Syntax, cancellationToken) is IMethodSymbol handedTo
                && _program.ConstructorArguments(handedTo, cancellationToken) is { } handed)
            {
                var withHanded = handed;
                if (parameters is not null)
                {
                    foreach (var pair in parameters)
                        withHanded = withHanded.SetItem(pair.Key, pair.Value);
                }
                written = TrainingInterpreter.ValueWrittenTo(member, writer, _program, options, cancellationToken, withHanded);
            }
            if (written is null)
                return null;
            if (written.Scaling != ScalingKind.None)
                anyScaled = true;
            else if (written.Origin is ValueOrigin.RuntimeData or ValueOrigin.Generated || written.Range.IsKnown && !written.IsEmptyCollection)
                anyRaw = true;
            value = value is null ? written : value.Join(written);
        }
        if (anyScaled && anyRaw)
            return null;
        return value is null ? null : Detached(value);
    }

    /// <summary>
    /// The property of <paramref name="type"/> whose setter stores its value into <paramref name="field"/> (the reference
    /// is that store) or whose getter returns the field (<c>get => _inputs;</c>, <c>_inputs ?? throw ...</c>, a
    /// <c>return _inputs;</c>); null for any other reference.
    /// </summary>
    private IPropertySymbol? BackedPropertyAt(IMemberReferenceOperation reference, IFieldSymbol field, INamedTypeSymbol type)
    {
        var declaration = reference.Syntax.FirstAncestorOrSelf<PropertyDeclarationSyntax>();
        if (declaration is null || declaration.Parent is not TypeDeclarationSyntax)
            return null;
        IPropertySymbol? property = null;
        foreach (var candidate in type.GetMembers(declaration.Identifier.ValueText))
            property ??= candidate as IPropertySymbol;
        if (property is null || property.IsIndexer || !SymbolEqualityComparer.Default.Equals(property.Type, field.Type) || property.IsStatic != field.IsStatic)
            return null;
        var accessor = reference.Syntax.FirstAncestorOrSelf<AccessorDeclarationSyntax>();
        if (IsWrite(reference))
            return accessor is not null && accessor.Keyword.ValueText == "set" && SymbolEqualityComparer.Default.Equals(TrainingInterpreter.BackingFieldOfSetter(property), field) ? property : null;
        if (accessor is not null && accessor.Keyword.ValueText != "get")
            return null;
        IOperation current = reference;
        while (current.Parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
            current = current.Parent;
        if (current.Parent is ICoalesceOperation coalesce && ReferenceEquals(coalesce.Value, current) && Unwrapped(coalesce.WhenNull) is IThrowOperation)
            current = coalesce;
        return current.Parent is IReturnOperation ? property : null;
    }

    private static IOperation Unwrapped(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }

    /// <summary>
    /// Every use of a property backed by a field is a write in the class's own code (a writer of the field) or a read
    /// that cannot change what it returns; outside the class (when its getter is visible there) only such reads.
    /// </summary>
    private bool PropertyUsesAreSafe(IPropertySymbol property, INamedTypeSymbol type, Dictionary<string, List<SyntaxNode>> identifiers, List<IOperation> writers, bool immutable, CancellationToken cancellationToken)
    {
        if (property.SetMethod is { } setter && setter.DeclaredAccessibility != Accessibility.Private && property.DeclaredAccessibility != Accessibility.Private)
            return false;
        if (identifiers.TryGetValue(property.Name, out var spelled))
        {
            foreach (var node in spelled)
            {
                if (ReferenceAt(node, property, _semanticModelFor(node.SyntaxTree), cancellationToken) is not { } reference)
                    continue;
                if (IsWrite(reference))
                {
                    if (WriterOf(reference, constructorOnly: false) is not { } writer)
                        return false;
                    if (!writers.Contains(writer))
                        writers.Add(writer);
                }
                else if (!IsSafeRead(reference) && !(immutable && !IsWriteTarget(reference)))
                {
                    return false;
                }
            }
        }
        if (property.DeclaredAccessibility == Accessibility.Private || property.GetMethod?.DeclaredAccessibility == Accessibility.Private)
            return true;
        // Visible outside the class: every other use in the compilation must be a safe read too.
        foreach (var identifier in CodeText.IdentifiersSpelled(_compilation, property.Name, cancellationToken))
        {
            if (IsInside(identifier, type))
                continue;
            if (ReferenceAt(identifier, property, _semanticModelFor(identifier.SyntaxTree), cancellationToken) is { } reference
                && !IsSafeRead(reference) && !(immutable && !IsWriteTarget(reference)))
                return false;
        }
        return true;
    }

    private static bool IsInside(SyntaxNode node, INamedTypeSymbol type)
    {
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree == node.SyntaxTree && declaration.Span.Contains(node.Span))
                return true;
        }
        return false;
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

    private IOperation? Initializer(ISymbol field, CancellationToken cancellationToken)
    {
        var declarator = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!_compilation.ContainsSyntaxTree(declarator.SyntaxTree))
            return null;
        var model = _semanticModelFor(declarator.SyntaxTree);
        foreach (var child in declarator.ChildNodes())
        {
            if (model.GetOperation(child, cancellationToken) is IFieldInitializerOperation or IPropertyInitializerOperation)
                return model.GetOperation(child, cancellationToken);
        }
        return null;
    }

    private static IMemberReferenceOperation? ReferenceAt(SyntaxNode identifier, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        // `_x` is bound at the identifier, `this._x` at the member access around it.
        var operation = model.GetOperation(identifier, cancellationToken) ?? (identifier.Parent is { } parent ? model.GetOperation(parent, cancellationToken) : null);
        return operation is IFieldReferenceOperation or IPropertyReferenceOperation && SymbolEqualityComparer.Default.Equals(((IMemberReferenceOperation)operation).Member, member)
            ? (IMemberReferenceOperation)operation
            : null;
    }

    private static bool IsWrite(IMemberReferenceOperation reference)
    {
        if (reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference))
            return true;
        // (_x, _y) = ReadTable(path): an element of a deconstruction's target.
        IOperation current = reference;
        while (current.Parent is ITupleOperation tuple)
            current = tuple;
        return !ReferenceEquals(current, reference) && current.Parent is IDeconstructionAssignmentOperation deconstruction && ReferenceEquals(deconstruction.Target, current);
    }

    /// <summary>_list.Add(x): the member's contents written.</summary>
    private static bool IsAddition(IMemberReferenceOperation reference)
        => reference.Parent is IInvocationOperation { TargetMethod: { Name: var name, ContainingType: { Name: "List", IsGenericType: true } } } invocation
           && ReferenceEquals(invocation.Instance, reference) && Additions.Contains(name);

    /// <summary>_values[i] = x: an element of an array member written.</summary>
    private static bool IsElementWrite(IMemberReferenceOperation reference)
        => reference.Parent is IArrayElementReferenceOperation element && ReferenceEquals(element.ArrayReference, reference)
           && element.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, element);

    /// <summary>The member body (constructor, method, accessor) a write runs in; null inside a lambda or local function.</summary>
    private static IOperation? WriterOf(IOperation operation, bool constructorOnly)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IConstructorBodyOperation constructor)
                return constructor;
            if (current is IMethodBodyOperation method)
                return constructorOnly ? null : method;
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return null;
        }
        return null;
    }

    private bool IsSafeRead(IMemberReferenceOperation reference)
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
                if (invocation.TargetMethod.ContainingType is { Name: "List", IsGenericType: true })
                    return ListReads.Contains(invocation.TargetMethod.Name) || invocation.TargetMethod.Name == "ForEach" && OnlyDisposes(invocation);
                return DoesNotChangeItsInputs(invocation.TargetMethod);
            case IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In, Parent: IInvocationOperation invocation }:
                return DoesNotChangeItsInputs(invocation.TargetMethod);
            // foreach (var batch in _loader): a TorchSharp loader's batches are made anew (collated) each round, so
            // nothing done to them changes the dataset the loader reads.
            case IForEachLoopOperation loop when ReferenceEquals(loop.Collection, current):
                return reference.Type is INamedTypeSymbol { Name: "DataLoader" or "IterableDataLoader" } loaderType && _symbols.IsTorchSharpType(loaderType);
            default:
                return false;
        }
    }

    /// <summary>_list.ForEach(t =&gt; t.Dispose()): releasing the elements changes no value read before.</summary>
    private static bool OnlyDisposes(IInvocationOperation invocation)
    {
        foreach (var operation in invocation.Arguments[0].Value.Descendants())
        {
            if (operation is IInvocationOperation call && call.TargetMethod.Name != "Dispose")
                return false;
        }
        return true;
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
