using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Which methods of the compilation a call of an interface, abstract or virtual method may run, and the compilation's
/// own types (one walk of its symbols, on first use). One per compilation, shared by the TorchSharp summaries
/// (<see cref="ProgramSummaries"/>) and ML.NET's pipeline reading (a pipeline a base class builds through an abstract
/// method its subclasses implement).
/// </summary>
internal sealed class MethodImplementations
{
    private readonly Compilation _compilation;

    public MethodImplementations(Compilation compilation) => _compilation = compilation;

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private ImmutableArray<INamedTypeSymbol> _sourceTypes;

    /// <summary>How many implementations of one method a call is followed into (their results joined).</summary>
    public const int MaxImplementations = 4;

    /// <summary>
    /// The one method of this compilation a call of an interface method or an abstract method of the compilation's own
    /// types runs (<c>IDataSource source = new CsvSource(path); source.Load()</c>): null when the compilation holds no
    /// implementation with a body, or more than one (which runs is then decided at run time: <see cref="Implementations"/>).
    /// </summary>
    public IMethodSymbol? SingleImplementation(IMethodSymbol method, CancellationToken cancellationToken)
        => (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface) && Implementations(method, cancellationToken) is { Length: 1 } one ? one[0] : null;

    /// <summary>
    /// Every method of this compilation a call of an interface method, or of an abstract or virtual method of the
    /// compilation's own types, may run: the implementations and overrides with a body (a virtual method's own body
    /// too), at most <see cref="MaxImplementations"/>. Empty when there is none, more than that, or an override without
    /// a body; a call that may run any of them is followed into each and their results joined.
    /// </summary>
    public ImmutableArray<IMethodSymbol> Implementations(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || method.ContainingType is not { } owner
            || !(owner.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual) || method.IsStatic)
            return ImmutableArray<IMethodSymbol>.Empty;
        if (_implementations.TryGetValue(method, out var known))
            return known;
        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        if (method.IsVirtual && !method.IsAbstract && owner.TypeKind != TypeKind.Interface)
            found.Add(method);
        var followed = true;
        foreach (var type in SourceTypes(cancellationToken))
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract && owner.TypeKind == TypeKind.Interface && !Implements(type, owner))
                continue;
            IMethodSymbol? implementation = null;
            if (owner.TypeKind == TypeKind.Interface)
            {
                if (Implements(type, owner))
                    implementation = type.FindImplementationForInterfaceMember(method) as IMethodSymbol;
            }
            else
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                        {
                            implementation = (IMethodSymbol)member;
                            break;
                        }
                    }
                }
            }
            if (implementation is null || implementation.IsAbstract)
                continue;
            if (implementation.DeclaringSyntaxReferences.IsEmpty)
            {
                // A method of another assembly runs for some objects: what it returns is not known.
                if (owner.TypeKind == TypeKind.Interface)
                    continue;
                followed = false;
                break;
            }
            implementation = implementation.OriginalDefinition;
            if (found.IndexOf(implementation, 0, found.Count, SymbolEqualityComparer.Default) < 0)
                found.Add(implementation);
            if (found.Count > MaxImplementations)
            {
                followed = false;
                break;
            }
        }
        return _implementations.GetOrAdd(method, followed ? found.ToImmutable() : ImmutableArray<IMethodSymbol>.Empty);
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, @interface.OriginalDefinition))
                return true;
        }
        return false;
    }

    /// <summary>The classes and structs declared in this compilation, nested ones too (a walk of its symbols, once).</summary>
    public ImmutableArray<INamedTypeSymbol> SourceTypes(CancellationToken cancellationToken)
    {
        if (!_sourceTypes.IsDefault)
            return _sourceTypes;
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(_compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                    pending.Push(member);
            }
            else if (current is INamedTypeSymbol type)
            {
                types.Add(type);
                foreach (var nested in type.GetTypeMembers())
                    pending.Push(nested);
            }
        }
        var result = types.ToImmutable();
        ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, result);
        return _sourceTypes;
    }

    /// <summary>
    /// Whether every object of the class is made by a <c>new</c> of one of its own constructors, so that what those
    /// expressions hand a constructor is all it is ever given: the type is a class or struct, not abstract, no type of
    /// the compilation derives from it (a subclass's <c>base(...)</c>) and no constructor of it chains to another
    /// (<c>this(...)</c>).
    /// </summary>
    public bool OnlyCreatedByNew(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type is not { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false })
            return false;
        foreach (var sibling in type.InstanceConstructors)
        {
            foreach (var reference in sibling.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax { Initializer: { } initializer }
                    && initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword))
                    return false;
            }
        }
        if (type.IsSealed || type.TypeKind == TypeKind.Struct)
            return true;
        foreach (var other in SourceTypes(cancellationToken))
        {
            if (SymbolEqualityComparer.Default.Equals(other.BaseType?.OriginalDefinition, type.OriginalDefinition))
                return false;
        }
        return true;
    }
}
