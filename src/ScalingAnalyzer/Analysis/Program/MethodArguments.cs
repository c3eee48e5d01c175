using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

internal sealed partial class ProgramSummaries
{
    /// <summary>At most this many methods calling a training method are interpreted for <see cref="MethodArguments"/>.</summary>
    private const int MaxCallingMethods = 4;

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, AbstractValue>?> _methodArguments = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What every call of a training method in the compilation hands its data parameters (a list of rows, an array, a
    /// path, an object of the project's own types; never a tensor, a number or a TorchSharp object, whose calls the
    /// helper summaries judge at the call), joined over the calls: <c>service.Train(readings, 300)</c> in <c>Main</c>,
    /// with <c>readings</c> parsed from the project's CSV, gives <c>Train</c>'s own analysis the readings' ranges, so
    /// the tensor it builds from them is judged by them. Each calling method (at most <see cref="MaxCallingMethods"/>)
    /// is interpreted up to its calls as its own analysis would. A parameter whose calls disagree on scaling (one hands
    /// scaled rows, another raw ones) is left out: which call trained on what is not told apart. Null when the method may be called
    /// unseen (virtual, an interface's, public in a library, used as a method group), is never called, or a call sits
    /// where its method cannot be followed (a lambda, a local function, an initializer, cut short).
    /// </summary>
    public ImmutableDictionary<ISymbol, AbstractValue>? MethodArguments(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (!HasDataParameter(method))
            return null;
        if (_methodArguments.TryGetValue(method, out var known))
            return known;
        return _methodArguments.GetOrAdd(method, FindMethodArguments(method, cancellationToken));
    }

    private bool HasDataParameter(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
            || method.DeclaringSyntaxReferences.Length != 1 || !method.ExplicitInterfaceImplementations.IsEmpty)
            return false;
        foreach (var parameter in method.Parameters)
        {
            if (IsDataParameter(parameter))
                return true;
        }
        return false;
    }

    /// <summary>A parameter that carries the data itself: a path, an array or list, an object of the project's types.</summary>
    private bool IsDataParameter(IParameterSymbol parameter)
        => parameter.RefKind == RefKind.None && !parameter.IsParams && IsDataType(parameter.Type, depth: 0);

    private bool IsDataType(ITypeSymbol type, int depth)
    {
        if (depth > 2 || Symbols.IsTensor(type))
            return false;
        if (type.SpecialType == SpecialType.System_String)
            return depth == 0;
        if (TrainingInterpreter.IsNumeric(type))
            return depth > 0;
        return type switch
        {
            IArrayTypeSymbol array => IsDataType(array.ElementType, depth + 1),
            INamedTypeSymbol named when TrainingInterpreter.IsCollection(named) => named.TypeArguments.Length == 1 && IsDataType(named.TypeArguments[0], depth + 1),
            INamedTypeSymbol named => named.TypeKind is TypeKind.Class or TypeKind.Struct && !named.IsTupleType
                                      && !named.DeclaringSyntaxReferences.IsEmpty && !Symbols.IsTorchSharpType(named) && !IsTorchSharpSubclass(named),
            _ => false,
        };
    }

    /// <summary>A module, dataset or optimizer class of the project: a TorchSharp object, judged by its own models.</summary>
    private bool IsTorchSharpSubclass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Symbols.IsTorchSharpType(current))
                return true;
        }
        return false;
    }

    private ImmutableDictionary<ISymbol, AbstractValue>? FindMethodArguments(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (MayBeCalledUnseen(method))
            return null;
        var callers = new List<IMethodSymbol>();
        foreach (var identifier in CodeText.IdentifiersSpelled(_compilation, method.Name, cancellationToken))
        {
            var model = _semanticModelFor(identifier.SyntaxTree);
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, method))
                continue;
            var called = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? (ExpressionSyntax)access : identifier;
            if (called.Parent is not InvocationExpressionSyntax call || call.Expression != called
                || CallingMethod(model.GetEnclosingSymbol(call.SpanStart, cancellationToken)) is not { } caller
                || SymbolEqualityComparer.Default.Equals(caller.OriginalDefinition, method))
                return null;
            AddOnce(callers, caller.OriginalDefinition);
            if (callers.Count > MaxCallingMethods)
                return null;
        }
        if (callers.Count == 0)
            return null;
        if (JoinArgumentsHandedBy(callers, method, cancellationToken, out var disagree) is not { } joined)
            return null;
        var values = ImmutableDictionary.CreateBuilder<ISymbol, AbstractValue>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Ordinal >= joined.Length || !IsDataParameter(parameter))
                continue;
            var value = joined[parameter.Ordinal];
            if (disagree[parameter.Ordinal] || IsUnknownAltogether(value))
                continue;
            values[parameter] = value.WithParameterOrdinal(parameter.Ordinal);
        }
        return values.Count == 0 ? null : values.ToImmutable();
    }

    /// <summary>
    /// The method whose interpretation meets a call: the method or constructor it is written in, or, for a call inside
    /// a lambda without parameters (<c>Task.Run(() =&gt; service.Train(rows))</c>), the method around the lambda, which
    /// runs such lambdas where it hands them to a library method while it collects the arguments. Null elsewhere (a local
    /// function, a lambda with parameters, an initializer).
    /// </summary>
    private static IMethodSymbol? CallingMethod(ISymbol? enclosing)
    {
        while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction, Parameters.Length: 0 } lambda)
            enclosing = lambda.ContainingSymbol;
        return enclosing is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method ? method : null;
    }

    /// <summary>Whether two calls hand data scaled the same way (the rows of a list, the members of an object, compared too).</summary>
    /// <summary>
    /// Each of <paramref name="callers"/> interpreted up to its calls of <paramref name="callee"/> (or its <c>new</c>
    /// expressions of it), and what they hand each parameter joined; <paramref name="disagree"/> marks a parameter that
    /// callers hand differently scaled values. Null when a caller cannot be read: the join of what is seen would not be
    /// all there is. Shared by <see cref="MethodArguments"/> and <see cref="ConstructorArguments"/>.
    /// </summary>
    private AbstractValue[]? JoinArgumentsHandedBy(List<IMethodSymbol> callers, IMethodSymbol callee, CancellationToken cancellationToken, out bool[] disagree)
    {
        disagree = new bool[callee.Parameters.Length];
        AbstractValue[]? joined = null;
        foreach (var caller in callers)
        {
            if (BodyOf(caller, cancellationToken) is not { } body
                || TrainingInterpreter.ArgumentsHandedTo(callee, body, caller, this, _optionsFor(body.Syntax.SyntaxTree), cancellationToken,
                    caller.MethodKind == MethodKind.Constructor ? ConstructorPaths(caller, cancellationToken) : MethodPaths(caller, cancellationToken)) is not { } handed)
                return null;
            if (joined is null)
            {
                joined = handed;
                continue;
            }
            for (var i = 0; i < joined.Length && i < handed.Length; i++)
            {
                if (i < disagree.Length)
                    disagree[i] |= !SameScaling(joined[i], handed[i]);
                joined[i] = joined[i].Join(handed[i]);
            }
        }
        return joined;
    }

    /// <summary>Adds <paramref name="method"/> to <paramref name="methods"/> unless it is there.</summary>
    private static void AddOnce(List<IMethodSymbol> methods, IMethodSymbol method)
    {
        foreach (var known in methods)
        {
            if (SymbolEqualityComparer.Default.Equals(known, method))
                return;
        }
        methods.Add(method);
    }

    private static bool SameScaling(AbstractValue one, AbstractValue other)
    {
        if (one.Scaling != other.Scaling || one.PartlyScaled != other.PartlyScaled)
            return false;
        if ((one.Element is null) != (other.Element is null) || one.Element is not null && !SameScaling(one.Element, other.Element!))
            return false;
        if (one.Members is null || other.Members is null)
            return (one.Members is null) == (other.Members is null);
        foreach (var pair in one.Members)
        {
            if (!other.Members.TryGetValue(pair.Key, out var member) || !SameScaling(pair.Value, member))
                return false;
        }
        return one.Members.Count == other.Members.Count;
    }

    /// <summary>A value that tells nothing the parameter's own unknown would not.</summary>
    private static bool IsUnknownAltogether(AbstractValue value)
        => !value.Range.IsKnown && value.DataPath is null && value.EitherDataPaths.IsDefault && value.Element is null && value.Elements.IsDefault
           && value.Members is null && value.FileText is null && value.Scaling == ScalingKind.None && !value.PartlyScaled;

    /// <summary>
    /// Code outside the compilation may call a public method of a library, and a call through an interface the method
    /// implements names the interface's method: either way some calls are out of view.
    /// </summary>
    private static bool MayBeCalledUnseen(IMethodSymbol method)
    {
        if (method.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
            && method.ContainingAssembly is not ISourceAssemblySymbol { Compilation.Options.OutputKind: OutputKind.ConsoleApplication or OutputKind.WindowsApplication })
            return true;
        if (method.IsStatic || method.ContainingType is not { } type)
            return false;
        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                    return true;
            }
        }
        return false;
    }
}
