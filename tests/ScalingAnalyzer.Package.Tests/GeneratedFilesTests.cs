using System.Text;
using Microsoft.CodeAnalysis;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>
/// Files generated from the descriptors (the README rule table, the ScalingAnalysisMode preset files) must match
/// them. On drift a test fails with the expected text; UPDATE_GENERATED=1 rewrites the files instead.
/// </summary>
public sealed class GeneratedFilesTests
{
    private const string TableBegin = "<!-- rules:begin (generated from the descriptors; a test checks it) -->";
    private const string TableEnd = "<!-- rules:end -->";

    [Fact]
    public void Readme_rule_table_matches_the_descriptors()
    {
        var readme = File.ReadAllText(Repository.ReadmePath);
        var begin = readme.IndexOf(TableBegin, StringComparison.Ordinal);
        var end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md must contain the markers '{TableBegin}' and '{TableEnd}' in that order");

        var expected = readme[..(begin + TableBegin.Length)] + "\n" + RuleTable() + readme[end..];
        if (expected != readme && Repository.UpdateGenerated)
        {
            File.WriteAllText(Repository.ReadmePath, expected);
            return;
        }
        Assert.Equal(expected, readme);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Strict")]
    [InlineData("None")]
    public void Preset_file_matches_the_descriptors(string mode)
    {
        var path = Path.Combine(Repository.PresetDirectory, mode.ToLowerInvariant() + ".globalconfig");
        var expected = PresetFile(mode);
        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        if (expected != actual && Repository.UpdateGenerated)
        {
            File.WriteAllText(path, expected);
            return;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_rule_links_to_its_page_in_the_repository()
    {
        Assert.NotEmpty(Descriptors.All);
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Equal($"https://github.com/scalinganalyzer/ScalingAnalyzer/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(Repository.Root, "docs", "rules", descriptor.Id + ".md")),
                $"{descriptor.Id}'s help link points at docs/rules/{descriptor.Id}.md, which does not exist");
        }
    }

    /// <summary>The Markdown table between the README markers.</summary>
    internal static string RuleTable()
    {
        var table = new StringBuilder();
        table.Append("| Id | Title | Default severity | Category | Library |\n");
        table.Append("|----|-------|------------------|----------|---------|\n");
        foreach (var descriptor in Descriptors.All)
        {
            var library = descriptor.Id switch
            {
                RuleIdentifiers.MLNetMissingNormalizer => "ML.NET",
                RuleIdentifiers.StatisticsLeakage => "TorchSharp, ML.NET",
                _ => "TorchSharp",
            };
            var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Info
                ? "Info (IDE suggestion; a warning with `ScalingAnalysisMode=Strict`)"
                : descriptor.DefaultSeverity.ToString();
            table.Append($"| [{descriptor.Id}]({descriptor.HelpLinkUri}) | {descriptor.Title} | {severity} | {descriptor.Category} | {library} |\n");
        }
        return table.ToString();
    }

    /// <summary>A preset's .globalconfig: every rule's severity under that mode.</summary>
    internal static string PresetFile(string mode)
    {
        var text = new StringBuilder();
        text.Append($"# ScalingAnalysisMode={mode}. Generated from DiagnosticDescriptors by tests/ScalingAnalyzer.Package.Tests\n");
        text.Append("# (UPDATE_GENERATED=1 dotnet test tests/ScalingAnalyzer.Package.Tests rewrites it); do not edit by hand.\n");
        text.Append("is_global = true\n");
        text.Append("# Below the project's own .editorconfig and .globalconfig files: a severity the user sets always wins.\n");
        text.Append("global_level = -1\n");
        foreach (var descriptor in Descriptors.All)
        {
            var severity = mode switch
            {
                "Default" => Descriptors.EditorConfigSeverity(descriptor.DefaultSeverity),
                "Strict" => descriptor.DefaultSeverity >= DiagnosticSeverity.Warning
                    ? Descriptors.EditorConfigSeverity(descriptor.DefaultSeverity)
                    : "warning",
                "None" => "none",
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "ScalingAnalysisMode is Default, Strict or None"),
            };
            text.Append($"\n# {descriptor.Id}: {descriptor.Title}\n");
            text.Append($"dotnet_diagnostic.{descriptor.Id}.severity = {severity}\n");
        }
        return text.ToString();
    }
}
