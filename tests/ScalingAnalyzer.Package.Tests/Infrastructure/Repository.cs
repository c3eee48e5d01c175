using System.Reflection;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>Where the repository is and how this test assembly was built (so the package is packed in the same configuration).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepoRoot");
    public static string Configuration { get; } = Metadata("Configuration");
    public static string PackageVersion { get; } = Metadata("PackageVersion");

    /// <summary>The solution filter of the two packable projects: one `dotnet pack` packs ScalingAnalyzer and ScalingAnalyzer.Runtime.</summary>
    public static string PackagesSolutionFilter => Path.Combine(Root, "ScalingAnalyzer.Packages.slnf");
    public static string ReadmePath => Path.Combine(Root, "README.md");
    public static string PresetDirectory => Path.Combine(Root, "src", "ScalingAnalyzer.Package", "configuration");

    /// <summary>Set UPDATE_GENERATED=1 to let the drift tests rewrite the generated README table and preset files.</summary>
    public static bool UpdateGenerated => Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1";

    private static string Metadata(string key)
        => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
           ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing; the test project sets it at build time");
}
