using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ScalingAnalyzer.Runtime.Tests.Support;

/// <summary>The read-only reference data in the repository (data/reference: NIST StRD, scikit-learn anchors).</summary>
internal static class ReferenceData
{
    public static string Directory { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    private static string Locate()
    {
        var configured = typeof(ReferenceData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ReferenceDataDir")?.Value;
        if (string.IsNullOrEmpty(configured) || !System.IO.Directory.Exists(configured))
            throw new InvalidOperationException(
                $"Reference data directory '{configured}' not found; it is data/reference in the repository (the ReferenceDataDir property of Directory.Build.props).");
        return configured;
    }
}
