using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Whether code outside the compilation can call a method of it, so that the calls the compilation holds are not all
/// the calls there are (what a parameter holds, which data a helper is given): one reading for every analysis that
/// joins over a method's calls.
/// </summary>
internal static class OutsideCallers
{
    /// <summary>
    /// True when another assembly can call <paramref name="method"/>: it and every type around it are public or
    /// protected (a public constructor or method of an internal class is not: a library's users cannot name the class),
    /// or, when the assembly gives its internals to friends (<c>[InternalsVisibleTo]</c>), none of them is private; and
    /// the project is not an executable, whose methods only the executable calls.
    /// </summary>
    public static bool MayCall(IMethodSymbol method)
        => !IsEntryAssemblyOnly(method) && (VisibleOutside(method) || RunsForALibrary(method));

    /// <summary>
    /// An override of a library's virtual method, or an implementation of a library's interface method
    /// (<c>IHostedService.StartAsync</c> of an internal service): the library may call it, whatever the class's accessibility.
    /// </summary>
    private static bool RunsForALibrary(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (overridden.DeclaringSyntaxReferences.IsEmpty)
                return true;
        }
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.ContainingType is not { } type)
            return method.ExplicitInterfaceImplementations.Length > 0;
        foreach (var contract in type.AllInterfaces)
        {
            if (!contract.DeclaringSyntaxReferences.IsEmpty)
                continue;
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                    return true;
            }
        }
        return false;
    }

    /// <summary>An executable's public methods are called from the executable alone.</summary>
    public static bool IsEntryAssemblyOnly(IMethodSymbol method)
        => method.ContainingAssembly is ISourceAssemblySymbol { Compilation.Options.OutputKind: OutputKind.ConsoleApplication or OutputKind.WindowsApplication };

    /// <summary>Whether code outside the compilation can name the symbol (see <see cref="MayCall"/>).</summary>
    public static bool VisibleOutside(ISymbol symbol)
    {
        var friends = HasFriends(symbol.ContainingAssembly);
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var visible = current.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
                          || friends && current.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal;
            if (!visible)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the assembly gives its internals to friends, read once per assembly symbol: a compilation's source
    /// assembly is its own symbol, so this is once per compilation, instead of binding the assembly's attributes again
    /// for every method whose calls are joined. Held weakly, so a compilation that is dropped drops its entry.
    /// </summary>
    private static readonly ConditionalWeakTable<IAssemblySymbol, object> FriendsByAssembly = new();

    private static readonly object Yes = true;
    private static readonly object No = false;

    private static readonly ConditionalWeakTable<IAssemblySymbol, object>.CreateValueCallback ReadFriends = static assembly =>
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "InternalsVisibleToAttribute", ContainingNamespace: { Name: "CompilerServices", ContainingNamespace: { Name: "Runtime", ContainingNamespace.Name: "System" } } })
                return Yes;
        }
        return No;
    };

    private static bool HasFriends(IAssemblySymbol? assembly)
        => assembly is not null && ReferenceEquals(FriendsByAssembly.GetValue(assembly, ReadFriends), Yes);
}
