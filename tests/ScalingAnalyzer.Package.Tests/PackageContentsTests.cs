using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Xml.Linq;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>What `dotnet pack` puts in ScalingAnalyzer.nupkg, file by file, and what its nuspec promises.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class PackageContentsTests(ConsumerWorkspace workspace)
{
    /// <summary>The whole package. A file that slips in (a Roslyn assembly, a pdb, a stray dll) fails this list.</summary>
    private static readonly string[] ExpectedEntries =
    [
        "README.md",
        "ScalingAnalyzer.nuspec",
        "analyzers/dotnet/cs/ScalingAnalyzer.CodeFixes.dll",
        "analyzers/dotnet/cs/ScalingAnalyzer.dll",
        "buildTransitive/ScalingAnalyzer.props",
        "buildTransitive/ScalingAnalyzer.targets",
        "configuration/default.globalconfig",
        "configuration/none.globalconfig",
        "configuration/strict.globalconfig",
        "lib/net8.0/ScalingAnalyzer.Runtime.dll",
        "lib/net8.0/ScalingAnalyzer.Runtime.xml",
    ];

    /// <summary>Written by NuGet itself in every package (Open Packaging Conventions).</summary>
    private static bool IsPackagingMetadata(string entry)
        => entry is "[Content_Types].xml" or "_rels/.rels" || entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal);

    [Fact]
    public void Package_holds_exactly_the_expected_files()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).Where(e => !IsPackagingMetadata(e)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedEntries, entries);
    }

    [Fact]
    public void Analyzer_assemblies_are_ours_and_built_against_Roslyn_4_8()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
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

    [Fact]
    public void Nuspec_declares_only_TorchSharp_and_the_package_metadata()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
        using var stream = package.GetEntry("ScalingAnalyzer.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? "";

        Assert.Equal("ScalingAnalyzer", Value("id"));
        Assert.Equal(workspace.PackageVersion, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("https://github.com/scalinganalyzer/ScalingAnalyzer", Value("projectUrl"));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal("https://github.com/scalinganalyzer/ScalingAnalyzer", repository.Attribute("url")!.Value);
        Assert.StartsWith(repository.Attribute("url")!.Value, RuleIdentifiers.DocumentationBaseUri, StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "analyzers", "torchsharp", "ml.net" }, Value("tags").Split(' ').ToHashSet());

        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
        var group = Assert.Single(groups);
        Assert.Equal("net8.0", group.Attribute("targetFramework")!.Value);
        var dependency = Assert.Single(group.Elements(ns + "dependency"));
        Assert.Equal("TorchSharp", dependency.Attribute("id")!.Value);
        // NuGet's "0.107.0" is the range [0.107.0, ): at least 0.107.0.
        Assert.Equal("0.107.0", dependency.Attribute("version")!.Value);
    }

    /// <summary>nuget.org shows the README alone: a link relative to the repository would lead nowhere there.</summary>
    [Fact]
    public void Package_readme_is_the_repository_readme_with_every_link_absolute()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
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
        var pack = DotNetProcess.Run(Repository.Root, TimeSpan.FromMinutes(5),
            "pack", Repository.PackageProject, "-c", Repository.Configuration, "--no-build", "-o", again, "-nologo", "-v:q");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var first = SHA256.HashData(File.ReadAllBytes(workspace.PackagePath));
        var second = SHA256.HashData(File.ReadAllBytes(Path.Combine(again, Path.GetFileName(workspace.PackagePath))));
        Assert.Equal(Convert.ToHexString(first), Convert.ToHexString(second));
    }
}
