using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Types of one library (TorchSharp, ML.NET), looked up by metadata name in that library's own assemblies only.
/// <list type="bullet">
/// <item>The library's references are recognised by file name (or, for another project of the solution, its assembly
/// name) among the references the project declares, so a project without the library pays nothing: asking the
/// compilation for its referenced assembly identities, or for all its references (#r directives included), binds
/// every reference first (measured: most of our time in a build of a project that references neither library).</item>
/// <item><see cref="Compilation.GetTypeByMetadataName"/> is not used: it searches every reference, and its first calls
/// build Roslyn's lookup tables (type-forwarder maps included) over all of them, about 180 assemblies in an SDK project
/// (measured: a quarter of our CPU time in a cold build of a project that uses ML.NET). A type is also found here when
/// another reference happens to declare a type of the same name.</item>
/// </list>
/// </summary>
internal sealed class LibraryTypes
{
    private readonly List<IAssemblySymbol> assemblies;

    private LibraryTypes(List<IAssemblySymbol> assemblies) => this.assemblies = assemblies;

    /// <summary>Null when no declared reference passes <paramref name="isLibraryAssembly"/>, which is given assembly simple names.</summary>
    public static LibraryTypes? Find(Compilation compilation, Func<string, bool> isLibraryAssembly)
    {
        List<IAssemblySymbol>? assemblies = null;
        foreach (var reference in compilation.ExternalReferences)
        {
            if (NameOf(compilation, reference) is not { } name || !isLibraryAssembly(name))
                continue;
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                (assemblies ??= new List<IAssemblySymbol>()).Add(assembly);
        }
        return assemblies is null ? null : new LibraryTypes(assemblies);
    }

    /// <summary>The type declared in one of the library's assemblies (the first in reference order), or null.</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        foreach (var assembly in assemblies)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                return type;
        }
        return null;
    }

    /// <summary>The simple name of the assembly a declared reference stands for, read without binding it where possible.</summary>
    private static string? NameOf(Compilation compilation, MetadataReference reference) => reference switch
    {
        PortableExecutableReference { FilePath: { } path } => Path.GetFileNameWithoutExtension(path),
        CompilationReference project => project.Compilation.AssemblyName,
        // An image without a file: only its identity tells.
        _ => (compilation.GetAssemblyOrModuleSymbol(reference) as IAssemblySymbol)?.Identity.Name,
    };
}
