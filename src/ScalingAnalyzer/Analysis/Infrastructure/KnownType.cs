using System.Threading;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// A library type compared by symbol identity, but resolved only when a type of the same simple name turns up in the
/// code under analysis. ML.NET's rule knows about thirty catalogs and interfaces spread over a dozen assemblies, and a
/// project meets a few of them: resolving all of them up front loaded metadata the compiler never needed (measured:
/// a quarter of our CPU time in a cold build of a project that uses ML.NET).
/// </summary>
internal sealed class KnownType
{
    private readonly LibraryTypes library;
    private readonly string metadataName;
    private readonly string name;
    private INamedTypeSymbol? symbol;
    private int resolved;

    /// <param name="library">The assemblies the type is looked up in.</param>
    /// <param name="metadataName">As for <see cref="Compilation.GetTypeByMetadataName"/>: "Namespace.Outer+Inner", generic arity as "`1".</param>
    public KnownType(LibraryTypes library, string metadataName)
    {
        this.library = library;
        this.metadataName = metadataName;
        var start = metadataName.LastIndexOfAny(new[] { '.', '+' }) + 1;
        var arity = metadataName.IndexOf('`', start);
        name = arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
    }

    /// <summary>The type, or null when the library does not declare it (another version of the library).</summary>
    public INamedTypeSymbol? Symbol
    {
        get
        {
            // Races only resolve the same symbol twice.
            if (Volatile.Read(ref resolved) == 0)
            {
                symbol = library.Get(metadataName);
                Volatile.Write(ref resolved, 1);
            }
            return symbol;
        }
    }

    /// <summary>Whether <paramref name="type"/> is this type or a construction of it (any type arguments).</summary>
    public bool Matches(ITypeSymbol? type)
        => type is INamedTypeSymbol named && named.Name == name && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Symbol);
}
