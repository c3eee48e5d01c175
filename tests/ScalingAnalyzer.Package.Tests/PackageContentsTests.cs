using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Xml.Linq;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>What `dotnet pack` puts in ScalingAnalyzer.nupkg and ScalingAnalyzer.Runtime.nupkg, file by file, and what their nuspecs promise.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class PackageContentsTests(ConsumerWorkspace workspace)
{
    /// <summary>The whole analyzer package. A file that slips in (a Roslyn assembly, a pdb, a stray dll) fails this list.</summary>
    private static readonly string[] ExpectedAnalyzerEntries =
    [
        "README.md",
        "ScalingAnalyzer.nuspec",
        "analyzers/dotnet/cs/ScalingAnalyzer.CodeFixes.dll",
        "analyzers/dotnet/cs/ScalingAnalyzer.dll",
        "buildTransitive/ScalingAnalyzer.Build.dll",
        "buildTransitive/ScalingAnalyzer.props",
        "buildTransitive/ScalingAnalyzer.targets",
        "configuration/default.globalconfig",
        "configuration/none.globalconfig",
        "configuration/strict.globalconfig",
    ];

    /// <summary>The whole runtime package: the library and its XML docs (the package project's empty assembly stays out).</summary>
    private static readonly string[] ExpectedRuntimeEntries =
    [
        "README.md",
        "ScalingAnalyzer.Runtime.nuspec",
        "lib/net8.0/ScalingAnalyzer.Runtime.dll",
        "lib/net8.0/ScalingAnalyzer.Runtime.xml",
    ];

    /// <summary>Written by NuGet itself in every package (Open Packaging Conventions).</summary>
    private static bool IsPackagingMetadata(string entry)
        => entry is "[Content_Types].xml" or "_rels/.rels" || entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal);

    [Fact]
    public void Packages_hold_exactly_the_expected_files()
    {
        Assert.Equal(ExpectedAnalyzerEntries, Entries(workspace.AnalyzerPackagePath));
        Assert.Equal(ExpectedRuntimeEntries, Entries(workspace.RuntimePackagePath));
    }

    private static string[] Entries(string packagePath)
    {
        using var package = ZipFile.OpenRead(packagePath);
        return package.Entries.Select(e => e.FullName).Where(e => !IsPackagingMetadata(e)).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Runtime_assembly_references_neither_the_analyzers_nor_the_package_project()
    {
        using var package = ZipFile.OpenRead(workspace.RuntimePackagePath);
        using var stream = new MemoryStream();
        using (var source = package.GetEntry("lib/net8.0/ScalingAnalyzer.Runtime.dll")!.Open())
        {
            source.CopyTo(stream);
        }
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        Assert.Contains("TorchSharp", references);
        Assert.DoesNotContain(references, r => r.StartsWith("ScalingAnalyzer", StringComparison.Ordinal) || r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzer_assemblies_are_ours_and_built_against_Roslyn_4_8()
    {
        using var package = ZipFile.OpenRead(workspace.AnalyzerPackagePath);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)))
        {
            using var stream = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(stream);
            }
            stream.Position = 0;
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            Assert.StartsWith("ScalingAnalyzer", metadata.GetString(metadata.GetAssemblyDefinition().Name), StringComparison.Ordinal);
            var roslyn = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
                .Where(r => metadata.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(roslyn);
            // A newer reference would not load in the .NET 8 SDK's compiler.
            Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{entry.FullName} references {metadata.GetString(r.Name)} {r.Version}"));
        }
    }

    /// <summary>
    /// Packed on linux-x64, ScalingAnalyzer.dll carries ReadyToRun code beside its IL (crossgen2: no JIT for our methods
    /// in a fresh compiler process there); the IL is whole, so every other runtime JIT-compiles it as before. The code
    /// fixes, which run in IDEs only, stay IL. Every consumer build of these tests loads and runs the packed assembly.
    /// </summary>
    [Fact]
    public void Analyzer_assembly_carries_ReadyToRun_code_for_linux_x64_beside_whole_IL()
    {
        var packedOnLinuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        using var package = ZipFile.OpenRead(workspace.AnalyzerPackagePath);
        foreach (var (name, readyToRun) in new[] { ("ScalingAnalyzer.dll", packedOnLinuxX64), ("ScalingAnalyzer.CodeFixes.dll", false) })
        {
            using var stream = new MemoryStream();
            using (var source = package.GetEntry("analyzers/dotnet/cs/" + name)!.Open())
            {
                source.CopyTo(stream);
            }
            stream.Position = 0;
            using var pe = new PEReader(stream);
            Assert.Equal(readyToRun, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);
            var metadata = pe.GetMetadataReader();
            var bodies = metadata.MethodDefinitions.Select(metadata.GetMethodDefinition).Where(m => m.RelativeVirtualAddress != 0).ToList();
            Assert.True(bodies.Count > 100, $"{name}: {bodies.Count} method bodies");
            Assert.All(bodies.Take(200), m => Assert.True(pe.GetMethodBody(m.RelativeVirtualAddress).GetILBytes()!.Length > 0));
        }
    }

    private static XElement NuspecMetadata(string packagePath, string id)
    {
        using var package = ZipFile.OpenRead(packagePath);
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        return nuspec.Root!.Element(nuspec.Root.GetDefaultNamespace() + "metadata")!;
    }

    private static string Value(XElement metadata, string name) => metadata.Element(metadata.GetDefaultNamespace() + name)?.Value ?? "";

    [Theory]
    [InlineData(ConsumerWorkspace.AnalyzerPackageId)]
    [InlineData(ConsumerWorkspace.RuntimePackageId)]
    public void Nuspec_carries_the_package_metadata(string id)
    {
        var metadata = NuspecMetadata(id == ConsumerWorkspace.AnalyzerPackageId ? workspace.AnalyzerPackagePath : workspace.RuntimePackagePath, id);
        var ns = metadata.GetDefaultNamespace();
        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(workspace.PackageVersion, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal("https://github.com/scalinganalyzer/ScalingAnalyzer", Value(metadata, "projectUrl"));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal("https://github.com/scalinganalyzer/ScalingAnalyzer", repository.Attribute("url")!.Value);
        Assert.StartsWith(repository.Attribute("url")!.Value, RuleIdentifiers.DocumentationBaseUri, StringComparison.Ordinal);
        Assert.Contains("torchsharp", Value(metadata, "tags").Split(' '));
    }

    /// <summary>
    /// ScalingAnalyzer: a development dependency (`dotnet add package` writes PrivateAssets="all") with no
    /// dependencies, so an ML.NET-only application gets no TorchSharp.
    /// </summary>
    [Fact]
    public void Analyzer_package_is_a_development_dependency_with_no_dependencies()
    {
        var metadata = NuspecMetadata(workspace.AnalyzerPackagePath, ConsumerWorkspace.AnalyzerPackageId);
        var ns = metadata.GetDefaultNamespace();
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Superset(new HashSet<string> { "analyzers", "torchsharp", "ml.net" }, Value(metadata, "tags").Split(' ').ToHashSet());
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }

    /// <summary>
    /// ScalingAnalyzer.Runtime: the managed TorchSharp (NuGet's default exclusions) and ScalingAnalyzer at the same
    /// version with every asset included, so that its installer gets the analyzers and the presets.
    /// </summary>
    [Fact]
    public void Runtime_package_depends_on_TorchSharp_and_on_the_analyzers_with_every_asset()
    {
        var metadata = NuspecMetadata(workspace.RuntimePackagePath, ConsumerWorkspace.RuntimePackageId);
        var ns = metadata.GetDefaultNamespace();
        Assert.Equal("", Value(metadata, "developmentDependency"));
        var group = Assert.Single(metadata.Element(ns + "dependencies")!.Elements(ns + "group"));
        Assert.Equal("net8.0", group.Attribute("targetFramework")!.Value);
        var dependencies = group.Elements(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value);
        Assert.Equal(["ScalingAnalyzer", "TorchSharp"], dependencies.Keys.Order(StringComparer.Ordinal));
        // NuGet's "0.107.0" is the range [0.107.0, ): at least 0.107.0.
        Assert.Equal("0.107.0", dependencies["TorchSharp"].Attribute("version")!.Value);
        Assert.Equal(workspace.PackageVersion, dependencies["ScalingAnalyzer"].Attribute("version")!.Value);
        Assert.Equal("All", dependencies["ScalingAnalyzer"].Attribute("include")?.Value);
        Assert.Null(dependencies["ScalingAnalyzer"].Attribute("exclude"));
    }

    /// <summary>nuget.org shows the README alone: a link relative to the repository would lead nowhere there.</summary>
    [Fact]
    public void Package_readme_is_the_repository_readme_with_every_link_absolute()
    {
        using var package = ZipFile.OpenRead(workspace.AnalyzerPackagePath);
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        var packed = reader.ReadToEnd();
        var repository = File.ReadAllText(Repository.ReadmePath);
        var link = new System.Text.RegularExpressions.Regex(@"\]\(([^)\s]+)\)");
        var targets = link.Matches(packed).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(link.Matches(repository).Count, targets.Count);
        Assert.All(targets, target => Assert.True(
            target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith('#'),
            $"README link '{target}' is relative in the package"));
        Assert.Contains("https://github.com/scalinganalyzer/ScalingAnalyzer/blob/main/docs/rules/SCALE001.md", targets);
        Assert.Contains("https://raw.githubusercontent.com/scalinganalyzer/ScalingAnalyzer/main/docs/images/house-prices.png", targets);
        Assert.Equal(link.Replace(repository, "]()").TrimEnd(), link.Replace(packed, "]()").TrimEnd());
    }

    [Fact]
    public void Packing_the_same_build_again_gives_the_same_bytes()
    {
        var again = Path.Combine(workspace.Root, "feed-again");
        var pack = ConsumerWorkspace.PackInto(again, workspace.PackageVersion, Path.Combine(workspace.Root, "nuspec-again"));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        foreach (var path in new[] { workspace.AnalyzerPackagePath, workspace.RuntimePackagePath })
        {
            var first = SHA256.HashData(File.ReadAllBytes(path));
            var second = SHA256.HashData(File.ReadAllBytes(Path.Combine(again, Path.GetFileName(path))));
            Assert.Equal(Convert.ToHexString(first), Convert.ToHexString(second));
        }
    }
}
