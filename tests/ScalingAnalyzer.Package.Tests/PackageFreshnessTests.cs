using System.IO.Compression;
using System.Security.Cryptography;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>
/// The consumer tests test the packages packed from the working tree, whatever the machine's NuGet cache holds: a
/// stale ScalingAnalyzer and ScalingAnalyzer.Runtime 0.1.0 sit in a fallback folder every restore of the run sees
/// (as a previous build leaves them in ~/.nuget/packages), and no consumer takes them.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class PackageFreshnessTests(ConsumerWorkspace workspace)
{
    [Fact]
    public void Stale_packages_are_planted_where_the_restore_looks()
    {
        var config = File.ReadAllText(Path.Combine(workspace.Root, "nuget.config"));
        Assert.Contains(workspace.StaleCacheDirectory, config, StringComparison.Ordinal);
        foreach (var id in new[] { ConsumerWorkspace.AnalyzerPackageId, ConsumerWorkspace.RuntimePackageId })
        {
            Assert.True(File.Exists(Path.Combine(workspace.StaleCacheDirectory, id.ToLowerInvariant(), ConsumerWorkspace.StaleVersion, id.ToLowerInvariant() + ".nuspec")));
        }
        // The version of this run is its own: a prerelease of the plain version, which nothing else packed.
        Assert.StartsWith(ConsumerWorkspace.StaleVersion + "-t", workspace.PackageVersion, StringComparison.Ordinal);
    }

    /// <summary>
    /// The control: a project that asks for the plain version, as the consumers did before versions were unique,
    /// gets the planted stale package from the fallback folder. So the plant is one NuGet takes when it can.
    /// </summary>
    [Fact]
    public void A_project_asking_for_the_plain_version_would_get_the_stale_package()
    {
        var control = new ConsumerProject(Path.Combine(workspace.Root, "StaleControl"), "StaleControl");
        control.WriteProjectFile(compileOnly: true, "Library", ConsumerProject.PackageReference(ConsumerWorkspace.AnalyzerPackageId, ConsumerWorkspace.StaleVersion));
        var restore = DotNetProcess.Run(control.Directory, TimeSpan.FromMinutes(5), "restore", control.ProjectFile, "-nologo", "-v:q");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var restored = ConsumerWorkspace.RestoredPackage(control, ConsumerWorkspace.AnalyzerPackageId);
        Assert.NotNull(restored);
        Assert.Equal((ConsumerWorkspace.StaleVersion, Path.Combine(workspace.StaleCacheDirectory, "scalinganalyzer", ConsumerWorkspace.StaleVersion)), restored.Value);
    }

    [Fact]
    public void Every_consumer_restored_the_fresh_analyzers_from_this_run_and_not_the_stale_ones()
    {
        var packedAnalyzer = EntryHash(workspace.AnalyzerPackagePath, "analyzers/dotnet/cs/ScalingAnalyzer.dll");
        var packedFixes = EntryHash(workspace.AnalyzerPackagePath, "analyzers/dotnet/cs/ScalingAnalyzer.CodeFixes.dll");
        // Every consumer that gets the analyzers, directly or through ScalingAnalyzer.Runtime (LibraryUser too: NuGet
        // restores them for it, and our targets keep them out of its compilation).
        foreach (var project in workspace.AllProjects)
        {
            var restored = ConsumerWorkspace.RestoredPackage(project, ConsumerWorkspace.AnalyzerPackageId);
            Assert.True(restored is not null, $"{project.Name} did not restore {ConsumerWorkspace.AnalyzerPackageId}");
            Assert.Equal(workspace.PackageVersion, restored.Value.Version);
            Assert.StartsWith(workspace.PackagesDirectory + Path.DirectorySeparatorChar, restored.Value.Folder, StringComparison.Ordinal);
            Assert.Equal(packedAnalyzer, FileHash(Path.Combine(restored.Value.Folder, "analyzers", "dotnet", "cs", "ScalingAnalyzer.dll")));
            Assert.Equal(packedFixes, FileHash(Path.Combine(restored.Value.Folder, "analyzers", "dotnet", "cs", "ScalingAnalyzer.CodeFixes.dll")));
        }
    }

    [Fact]
    public void Runtime_consumers_restored_the_fresh_runtime_from_this_run()
    {
        var packed = EntryHash(workspace.RuntimePackagePath, "lib/net8.0/ScalingAnalyzer.Runtime.dll");
        foreach (var project in new[] { workspace.Default, workspace.Fixable, workspace.RuntimeLibrary, workspace.LibraryUser })
        {
            var restored = ConsumerWorkspace.RestoredPackage(project, ConsumerWorkspace.RuntimePackageId);
            Assert.True(restored is not null, $"{project.Name} did not restore {ConsumerWorkspace.RuntimePackageId}");
            Assert.Equal(workspace.PackageVersion, restored.Value.Version);
            Assert.StartsWith(workspace.PackagesDirectory + Path.DirectorySeparatorChar, restored.Value.Folder, StringComparison.Ordinal);
            Assert.Equal(packed, FileHash(Path.Combine(restored.Value.Folder, "lib", "net8.0", "ScalingAnalyzer.Runtime.dll")));
        }
    }

    [Fact]
    public void Build_loads_the_fresh_analyzer_and_never_the_stale_one()
    {
        var run = workspace.DefaultBuild;
        // The stale "assembly" is not one: a compiler given it would warn CS8034 (analyzer could not be loaded).
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8034" or "CS8032" or "AD0001");
        Assert.DoesNotContain(workspace.StaleCacheDirectory, run.Process.Output, StringComparison.Ordinal);
        Assert.NotEmpty(run.ScaleLocations());
    }

    private static string EntryHash(string packagePath, string entry)
    {
        using var package = ZipFile.OpenRead(packagePath);
        using var stream = package.GetEntry(entry)!.Open();
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string FileHash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
