using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Whether a compilation references a library, asked before any symbol lookup: the first
/// <see cref="Compilation.GetTypeByMetadataName"/> of a compilation builds Roslyn's lookup tables over every
/// reference, so a project without TorchSharp or ML.NET must not pay for it on our account. The references are
/// recognised by file name (or, for another project of the solution, its assembly name) among the references the
/// project declares: asking the compilation for its referenced assembly identities, or for all its references (#r
/// directives included), binds every reference first (measured: most of our time in such a build).
/// </summary>
internal static class ReferencedAssemblies
{
    public static bool Contains(Compilation compilation, string assemblyName)
    {
        foreach (var reference in compilation.ExternalReferences)
        {
            var name = reference switch
            {
                PortableExecutableReference { FilePath: { } path } => Path.GetFileNameWithoutExtension(path),
                CompilationReference project => project.Compilation.AssemblyName,
                // An image without a file: only its identity tells.
                _ => (compilation.GetAssemblyOrModuleSymbol(reference) as IAssemblySymbol)?.Identity.Name,
            };
            if (string.Equals(name, assemblyName, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
