using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Type arguments read once. Roslyn's public <see cref="INamedTypeSymbol.TypeArguments"/> builds a new array (and, in
/// nullable-enabled code, new symbol wrappers) on every read, and the interpreter asks for an operation's element type
/// on most operations it evaluates: <c>TypeArguments.Length == 1</c> followed by <c>TypeArguments[0]</c> was two arrays.
/// </summary>
internal static class GenericTypes
{
    /// <summary>The type argument of a generic type of arity 1 (<c>List&lt;float&gt;</c>: float), or null.</summary>
    public static ITypeSymbol? OnlyTypeArgument(ITypeSymbol? type)
        => type is INamedTypeSymbol { Arity: 1, IsGenericType: true } named ? named.TypeArguments[0] : null;
}
