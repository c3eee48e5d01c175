using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Whether a compilation references a library, asked before any symbol lookup: the first
/// <see cref="Compilation.GetTypeByMetadataName"/> of a compilation builds Roslyn's lookup tables over every
/// reference, so a project without TorchSharp or ML.NET must not pay for it on our account.
/// </summary>
internal static class ReferencedAssemblies
{
    public static bool Contains(Compilation compilation, string assemblyName)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (identity.Name == assemblyName)
                return true;
        }
        return false;
    }
}
