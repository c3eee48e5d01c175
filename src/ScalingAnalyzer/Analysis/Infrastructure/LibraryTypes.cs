using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
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
    private readonly Compilation compilation;
    private readonly List<MetadataReference> references;
    private List<IAssemblySymbol>? assemblies;

    private LibraryTypes(Compilation compilation, List<MetadataReference> references)
    {
        this.compilation = compilation;
        this.references = references;
    }

    /// <summary>
    /// Null when no declared reference passes <paramref name="isLibraryAssembly"/>, which is given assembly simple names.
    /// Nothing is bound here: a rule asks this at compilation start, before the compiler has bound the project's
    /// references, and the first request for a reference's assembly symbol binds all of them (about 180 assemblies in
    /// an SDK project; measured: a quarter of our CPU samples in a cold build of the ML.NET docs samples, all of it
    /// charged to our compilation-start callback). The assemblies are asked for when a type is first looked up, from
    /// code the compiler has bound by then.
    /// </summary>
    public static LibraryTypes? Find(Compilation compilation, Func<string, bool> isLibraryAssembly)
    {
        List<MetadataReference>? references = null;
        foreach (var reference in compilation.ExternalReferences)
        {
            if (NameOf(compilation, reference) is { } name && isLibraryAssembly(name))
                (references ??= new List<MetadataReference>()).Add(reference);
        }
        return references is null ? null : new LibraryTypes(compilation, references);
    }

    /// <summary>The type declared in one of the library's assemblies (the first in reference order), or null.</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        foreach (var assembly in Assemblies())
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                return type;
        }
        return null;
    }

    private List<IAssemblySymbol> Assemblies()
    {
        if (Volatile.Read(ref assemblies) is { } known)
            return known;
        var found = new List<IAssemblySymbol>();
        foreach (var reference in references)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                found.Add(assembly);
        }
        // Races only resolve the same list twice.
        Volatile.Write(ref assemblies, found);
        return found;
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
