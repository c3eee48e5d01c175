using System.Xml.Linq;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>
/// Each kind of user gets what it needs from one `dotnet add package` and nothing more: an ML.NET application the
/// analyzers without TorchSharp, a TorchSharp application the runtime with the analyzers, a class library the
/// analyzers for its own code only, and a project that references such libraries the runtime assembly but none of
/// our diagnostics.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsumerKindTests(ConsumerWorkspace workspace)
{
    private static HashSet<DiagnosticLocation> Markers(ConsumerProject project, string prefix = "")
        => ExpectationMarker.Read(project.Directory).Where(m => m.AppliesTo(ConsumerVariant.Default))
            .Select(m => m.Location with { File = prefix + m.Location.File }).ToHashSet();

    private static void AssertSameLocations(IReadOnlySet<DiagnosticLocation> expected, IEnumerable<DiagnosticLocation> actual, BuildRun run)
    {
        var actualSet = actual.ToHashSet();
        Assert.True(expected.SetEquals(actualSet),
            $"expected: [{string.Join(", ", expected)}]\nactual: [{string.Join(", ", actualSet)}]\n{run.Process}");
    }

    private BuildRun MLNetOnlyBuild => workspace.BuildOnce("mlnet-only", workspace.MLNetOnly);

    /// <summary>The application's build builds both libraries too: one log with the three projects' diagnostics.</summary>
    private BuildRun LibraryUserBuild => workspace.BuildOnce("library-user", workspace.LibraryUser);

    /// <summary>What `dotnet add package ScalingAnalyzer` wrote: the developmentDependency's PrivateAssets="all".</summary>
    private static XElement AddedReference(ConsumerProject project, string id)
        => XDocument.Load(project.ProjectFile).Descendants("PackageReference").Single(r => (string?)r.Attribute("Include") == id);

    [Theory]
    [InlineData("MLNetOnly")]
    [InlineData("AnalyzerLibrary")]
    [InlineData("Plain")]
    public void Dotnet_add_package_adds_the_analyzers_as_a_private_development_dependency(string name)
    {
        var project = workspace.AllProjects.Single(p => p.Name.StartsWith(name, StringComparison.Ordinal));
        var reference = AddedReference(project, ConsumerWorkspace.AnalyzerPackageId);
        Assert.Equal("all", reference.Element("PrivateAssets")?.Value ?? (string?)reference.Attribute("PrivateAssets"));
        // No compile assets: nothing of the package can end up in the project's references or output.
        Assert.DoesNotContain("compile", reference.Element("IncludeAssets")?.Value ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_add_package_adds_the_runtime_as_an_ordinary_dependency()
    {
        var reference = AddedReference(workspace.RuntimeLibrary, ConsumerWorkspace.RuntimePackageId);
        Assert.Null(reference.Element("PrivateAssets"));
        Assert.Null(reference.Attribute("PrivateAssets"));
    }

    [Fact]
    public void MLNet_only_application_gets_SCALE002_and_no_TorchSharp_assembly()
    {
        var run = MLNetOnlyBuild;
        Assert.True(run.Succeeded, run.Process.ToString());
        var expected = Markers(workspace.MLNetOnly);
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.MLNetMissingNormalizer);
        AssertSameLocations(expected, run.ScaleLocations("warning"), run);

        var assemblies = workspace.MLNetOnly.OutputAssemblies();
        Assert.Contains("Microsoft.ML.Data.dll", assemblies);
        Assert.Contains("MLNetOnly.dll", assemblies);
        Assert.DoesNotContain(assemblies, a => a.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase) || a.StartsWith("ScalingAnalyzer", StringComparison.Ordinal));
        Assert.Null(ConsumerWorkspace.RestoredPackage(workspace.MLNetOnly, "TorchSharp"));
        Assert.Null(ConsumerWorkspace.RestoredPackage(workspace.MLNetOnly, ConsumerWorkspace.RuntimePackageId));
    }

    [Fact]
    public void TorchSharp_application_gets_runtime_analyzers_and_presets_from_the_runtime_package_alone()
    {
        // The project names ScalingAnalyzer.Runtime and no other package of ours.
        var references = XDocument.Load(workspace.Default.ProjectFile).Descendants("PackageReference")
            .Select(r => (string)r.Attribute("Include")!).Where(id => id.StartsWith("ScalingAnalyzer", StringComparison.Ordinal)).ToList();
        Assert.Equal([ConsumerWorkspace.RuntimePackageId], references);
        // Its build reports every warning rule (ConsumerBuildTests checks each place), and the presets apply.
        var ids = workspace.DefaultBuild.ScaleLocations("warning").Select(l => l.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { RuleIdentifiers.UnscaledFeature, RuleIdentifiers.UnreachableTarget, RuleIdentifiers.MLNetMissingNormalizer }, ids);
        Assert.Empty(workspace.BuildOnce("none", workspace.Default, "-p:ScalingAnalysisMode=None").ScaleLocations());
    }

    [Fact]
    public void Class_libraries_get_the_diagnostics_of_their_own_code()
    {
        var run = LibraryUserBuild;
        Assert.True(run.Succeeded, run.Process.ToString());
        // Reported paths are relative to the application's folder: ../AnalyzerLibrary/PriceModels.cs.
        var expected = Markers(workspace.AnalyzerLibrary, "../AnalyzerLibrary/").Concat(Markers(workspace.RuntimeLibrary, "../RuntimeLibrary/")).ToHashSet();
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.MLNetMissingNormalizer);
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.UnscaledFeature);
        AssertSameLocations(expected, run.ScaleLocations("warning").Where(l => l.File.StartsWith("../", StringComparison.Ordinal)), run);
    }

    [Fact]
    public void Project_referencing_the_libraries_gets_the_runtime_assembly_and_none_of_our_diagnostics()
    {
        var run = LibraryUserBuild;
        Assert.True(run.Succeeded, run.Process.ToString());
        // Its own Program.cs feeds raw sizes to Sdca and to SGD training: with our analyzers it would be reported.
        Assert.DoesNotContain(run.ScaleLocations(), l => !l.File.StartsWith("../", StringComparison.Ordinal));
        Assert.Empty(ExpectationMarker.Read(workspace.LibraryUser.Directory));

        var assemblies = workspace.LibraryUser.OutputAssemblies();
        Assert.Contains("ScalingAnalyzer.Runtime.dll", assemblies);
        Assert.Contains("RuntimeLibrary.dll", assemblies);
        Assert.Contains("AnalyzerLibrary.dll", assemblies);
        Assert.DoesNotContain(assemblies, a => a is "ScalingAnalyzer.dll" or "ScalingAnalyzer.CodeFixes.dll");
    }

    [Fact]
    public void Project_referencing_the_libraries_passes_no_analyzer_of_ours_to_the_compiler()
    {
        // The Analyzer items after NuGet resolved them and our buildTransitive targets ran, as the compiler and the
        // IDE's design-time build read them.
        var items = DotNetProcess.Run(workspace.LibraryUser.Directory, TimeSpan.FromMinutes(5),
            "msbuild", workspace.LibraryUser.ProjectFile, "-nologo", "-t:ResolveLockFileAnalyzers;RemoveTransitiveScalingAnalyzers", "-getItem:Analyzer");
        Assert.True(items.ExitCode == 0, items.ToString());
        Assert.DoesNotContain("scalinganalyzer", items.Output, StringComparison.OrdinalIgnoreCase);
        var direct = DotNetProcess.Run(workspace.RuntimeLibrary.Directory, TimeSpan.FromMinutes(5),
            "msbuild", workspace.RuntimeLibrary.ProjectFile, "-nologo", "-t:ResolveLockFileAnalyzers;RemoveTransitiveScalingAnalyzers", "-getItem:Analyzer");
        Assert.True(direct.ExitCode == 0, direct.ToString());
        Assert.Contains("ScalingAnalyzer.CodeFixes.dll", direct.Output, StringComparison.Ordinal);
    }
}
