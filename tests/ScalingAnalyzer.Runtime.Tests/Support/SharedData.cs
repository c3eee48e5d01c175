using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ScalingAnalyzer.Runtime.Tests.Support;

/// <summary>The read-only data shared by all projects (../shared/data from the repository root).</summary>
internal static class SharedData
{
    public static string Directory { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    private static string Locate()
    {
        var configured = typeof(SharedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SharedDataDir")?.Value;
        if (string.IsNullOrEmpty(configured) || !System.IO.Directory.Exists(configured))
            throw new InvalidOperationException(
                $"Shared data directory '{configured}' not found; it is ../shared/data beside the repository root.");
        return configured;
    }
}
