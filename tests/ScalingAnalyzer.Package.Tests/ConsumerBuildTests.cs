using System.Text.Json;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>
/// The package as a user's build meets it: `dotnet build` of fresh console projects that reference ScalingAnalyzer by
/// version. Where each diagnostic must appear is written in the consumer sources (<c>// expect SCALE001 at "X)"</c>).
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsumerBuildTests(ConsumerWorkspace workspace)
{
    private IReadOnlyList<ExpectationMarker> Markers(ConsumerProject project) => ExpectationMarker.Read(project.Directory);

    /// <summary>What a build must print: the markers for this variant whose rule shows in builds at <paramref name="shownIds"/>.</summary>
    private HashSet<DiagnosticLocation> Expected(ConsumerProject project, ConsumerVariant variant, IReadOnlySet<string> shownIds)
        => Markers(project).Where(m => m.AppliesTo(variant) && shownIds.Contains(m.Location.Id)).Select(m => m.Location).ToHashSet();

    private static void AssertSameLocations(IReadOnlySet<DiagnosticLocation> expected, IReadOnlySet<DiagnosticLocation> actual, BuildRun run)
    {
        var missing = expected.Except(actual).OrderBy(l => l.ToString(), StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).OrderBy(l => l.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"missing: [{string.Join(", ", missing)}]\nunexpected: [{string.Join(", ", unexpected)}]\n{run.Process}");
    }

    [Fact]
    public void Build_reports_each_rule_at_the_file_line_and_column_of_its_marker()
    {
        var run = workspace.DefaultBuild;
        Assert.True(run.Succeeded, run.Process.ToString());
        var expected = Expected(workspace.Default, ConsumerVariant.Default, Descriptors.ShownInBuildsByDefault);
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.UnscaledFeature);
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.MLNetMissingNormalizer);
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.UnreachableTarget);
        AssertSameLocations(expected, run.ScaleLocations("warning"), run);
        // The message carries the numbers that prove the problem.
        var feature = run.Diagnostics.First(d => d.Id == RuleIdentifiers.UnscaledFeature && d.File == "Torch/HousePriceTraining.cs");
        Assert.Contains("'X' spans about", feature.Message, StringComparison.Ordinal);
        Assert.Contains("5000", feature.Message.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_files_in_the_project_are_read_as_evidence_without_configuration()
    {
        var run = workspace.DefaultBuild;
        Assert.True(run.Succeeded, run.Process.ToString());
        // The package's targets made MLNet/Data/*.csv AdditionalFiles: iris (0.1..7.9) is silent, sensors carries its numbers.
        Assert.DoesNotContain(run.Diagnostics, d => d.File == "MLNet/FileData.cs" && d.Message.Contains("KMeans", StringComparison.Ordinal));
        var sensors = run.Diagnostics.Single(d => d.File == "MLNet/FileData.cs" && d.Id == RuleIdentifiers.MLNetMissingNormalizer);
        Assert.Contains("column 'Pressure' spans [", sensors.Message, StringComparison.Ordinal);
        Assert.Contains("in sensors.csv", sensors.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pragma_and_SuppressMessage_silence_only_the_ids_they_name()
    {
        var locations = workspace.DefaultBuild.ScaleLocations();
        // PragmaSuppressed.cs: SCALE001 under the pragma is gone, SCALE003 on the next line stays.
        Assert.DoesNotContain(locations, l => l.File == "Torch/PragmaSuppressed.cs" && l.Id == RuleIdentifiers.UnscaledFeature);
        Assert.Contains(locations, l => l.File == "Torch/PragmaSuppressed.cs" && l.Id == RuleIdentifiers.UnreachableTarget);
        // AttributeSuppressed.cs: [SuppressMessage] on the method removes SCALE003 there, SCALE001 stays.
        Assert.DoesNotContain(locations, l => l.File == "Torch/AttributeSuppressed.cs" && l.Id == RuleIdentifiers.UnreachableTarget);
        Assert.Contains(locations, l => l.File == "Torch/AttributeSuppressed.cs" && l.Id == RuleIdentifiers.UnscaledFeature);
    }

    [Fact]
    public void Warnaserror_fails_the_build_on_the_rules_warnings()
    {
        var run = workspace.BuildOnce("warnaserror", workspace.Default, "-warnaserror");
        Assert.False(run.Succeeded, run.Process.ToString());
        AssertSameLocations(Expected(workspace.Default, ConsumerVariant.Default, Descriptors.ShownInBuildsByDefault), run.ScaleLocations("error"), run);
    }

    [Fact]
    public void TreatWarningsAsErrors_fails_the_build_on_the_rules_warnings()
    {
        var run = workspace.BuildOnce("treat-warnings-as-errors", workspace.Default, "-p:TreatWarningsAsErrors=true");
        Assert.False(run.Succeeded, run.Process.ToString());
        AssertSameLocations(Expected(workspace.Default, ConsumerVariant.Default, Descriptors.ShownInBuildsByDefault), run.ScaleLocations("error"), run);
    }

    [Fact]
    public void Editorconfig_options_and_severities_change_exactly_the_files_they_configure()
    {
        var run = workspace.ConfiguredBuild;
        // SeverityError.cs's SCALE001 is an error now, so the build fails; everything else is as the markers say.
        Assert.False(run.Succeeded, run.Process.ToString());
        var expected = Expected(workspace.Configured, ConsumerVariant.Configured, Descriptors.ShownInBuildsByDefault);
        AssertSameLocations(expected, run.ScaleLocations(), run);
        var errors = run.Diagnostics.Where(d => d.Severity == "error" && d.Id.StartsWith("SCALE", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(("Torch/SeverityError.cs", RuleIdentifiers.UnscaledFeature), (error.File, error.Id));
    }

    [Theory]
    [InlineData("Torch/FeatureThresholdOption.cs", "default")] // scaling_analyzer.feature_magnitude_threshold = 100: SCALE001 goes
    [InlineData("Torch/ColumnRatioOption.cs", "default")]      // scaling_analyzer.column_scale_ratio = 2: SCALE001 comes
    [InlineData("Torch/SeverityNone.cs", "default")]           // dotnet_diagnostic.SCALE001.severity = none: SCALE001 goes, SCALE003 stays
    // scaling_analyzer.scaling_methods lists the helper: SCALE004 goes. SCALE004 is silent in a default build, so
    // the baseline is the Strict build, and the configured file raises SCALE004 to a warning itself.
    [InlineData("Torch/ScalingMethodsOption.cs", "strict")]
    public void Each_configured_file_changes_its_outcome_against_the_baseline(string file, string baseline)
    {
        var (baselineRun, baselineShown) = baseline == "strict"
            ? (StrictBuild, (IReadOnlySet<string>)Descriptors.All.Select(d => d.Id).ToHashSet())
            : (workspace.DefaultBuild, Descriptors.ShownInBuildsByDefault);
        var before = baselineRun.ScaleLocations().Where(l => l.File == file).ToHashSet();
        var configured = workspace.ConfiguredBuild.ScaleLocations().Where(l => l.File == file).ToHashSet();
        Assert.False(before.SetEquals(configured), $"{file}: the .editorconfig setting changed nothing ({string.Join(", ", before)})");
        AssertSameLocations(Expected(workspace.Default, ConsumerVariant.Default, baselineShown).Where(l => l.File == file).ToHashSet(), before, baselineRun);
        AssertSameLocations(Expected(workspace.Configured, ConsumerVariant.Configured, Descriptors.ShownInBuildsByDefault).Where(l => l.File == file).ToHashSet(), configured, workspace.ConfiguredBuild);
    }

    private BuildRun StrictBuild => workspace.BuildOnce("strict", workspace.Default, "-p:ScalingAnalysisMode=Strict");

    [Fact]
    public void Sarif_error_log_lists_each_rule_with_its_title_and_help_uri()
    {
        var run = workspace.DefaultBuild;
        Assert.True(File.Exists(workspace.SarifPath), $"no SARIF log at {workspace.SarifPath}\n{run.Process}");
        using var sarif = JsonDocument.Parse(File.ReadAllText(workspace.SarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var sarifRun = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("SCALE", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        var results = sarifRun.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SCALE", StringComparison.Ordinal)).ToList();

        var reportedIds = run.ScaleLocations().Select(l => l.Id).ToHashSet();
        Assert.NotEmpty(reportedIds);
        foreach (var descriptor in Descriptors.All.Where(d => reportedIds.Contains(d.Id)))
        {
            Assert.True(rules.TryGetValue(descriptor.Id, out var rule), $"SARIF has no rule entry for {descriptor.Id}");
            Assert.Equal(descriptor.Title.ToString(), rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.HelpLinkUri, rule.GetProperty("helpUri").GetString());
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == descriptor.Id && r.GetProperty("level").GetString() == "warning");
        }
        // Each printed warning is a result at the same line and column.
        foreach (var location in run.ScaleLocations())
        {
            Assert.Contains(results, r =>
            {
                var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = physical.GetProperty("region");
                return r.GetProperty("ruleId").GetString() == location.Id
                    && physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!.EndsWith(location.File, StringComparison.Ordinal)
                    && region.GetProperty("startLine").GetInt32() == location.Line
                    && region.GetProperty("startColumn").GetInt32() == location.Column;
            });
        }
    }

    [Fact]
    public void Strict_preset_raises_SCALE004_to_a_warning()
    {
        var run = StrictBuild;
        Assert.True(run.Succeeded, run.Process.ToString());
        var shown = Descriptors.All.Select(d => d.Id).ToHashSet();
        var expected = Expected(workspace.Default, ConsumerVariant.Default, shown);
        Assert.Contains(expected, l => l.Id == RuleIdentifiers.UnboundedFeature);
        AssertSameLocations(expected, run.ScaleLocations("warning"), run);
        Assert.DoesNotContain(workspace.DefaultBuild.ScaleLocations(), l => l.Id == RuleIdentifiers.UnboundedFeature);
    }

    [Fact]
    public void None_preset_turns_every_rule_off()
    {
        var run = workspace.BuildOnce("none", workspace.Default, "-p:ScalingAnalysisMode=None");
        Assert.True(run.Succeeded, run.Process.ToString());
        Assert.Empty(run.ScaleLocations());
        Assert.NotEmpty(workspace.DefaultBuild.ScaleLocations());
    }

    [Fact]
    public void Unknown_preset_is_a_build_error_naming_the_value()
    {
        var run = workspace.BuildOnce("bad-mode", workspace.Default, "-p:ScalingAnalysisMode=Loud");
        Assert.False(run.Succeeded, run.Process.ToString());
        Assert.Contains("SCALEMSB001", run.Process.Output, StringComparison.Ordinal);
        Assert.Contains("ScalingAnalysisMode is 'Loud'; it must be Default, Strict or None", run.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_without_TorchSharp_or_MLNet_code_builds_with_no_diagnostics()
    {
        var run = workspace.BuildOnce("plain", workspace.Plain);
        Assert.True(run.Succeeded, run.Process.ToString());
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity is "warning" or "error");
        // The package did reach the compiler: its analyzer assembly is in the package this run restored.
        var restored = ConsumerWorkspace.RestoredPackage(workspace.Plain, ConsumerWorkspace.AnalyzerPackageId);
        Assert.NotNull(restored);
        Assert.True(File.Exists(Path.Combine(restored.Value.Folder, "analyzers", "dotnet", "cs", "ScalingAnalyzer.dll")), restored.Value.Folder);
    }
}
