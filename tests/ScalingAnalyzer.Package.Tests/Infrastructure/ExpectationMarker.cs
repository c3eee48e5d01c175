using System.Text.RegularExpressions;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>Which consumer build a marker speaks about.</summary>
public enum ConsumerVariant
{
    /// <summary>No .editorconfig: every rule at its default severity and options.</summary>
    Default,

    /// <summary>With Consumers/configured.editorconfig: per-file options and severities.</summary>
    Configured,
}

/// <summary>
/// An expectation written in a consumer source, at the end of the line where the diagnostic must start:
/// <c>// expect SCALE001 at "X)"</c>, optionally followed by <c>only configured</c> or <c>except configured</c>.
/// The column is where the quoted text first occurs in the code before the comment.
/// </summary>
public sealed record ExpectationMarker(DiagnosticLocation Location, string? Scope)
{
    private static readonly Regex Marker = new(
        @"//\s*expect (?<id>SCALE\d{3}) at ""(?<text>[^""]+)""(?:\s+(?<scope>only|except) (?<variant>\w+))?\s*$",
        RegexOptions.CultureInvariant);

    public bool AppliesTo(ConsumerVariant variant)
        => Scope switch
        {
            null => true,
            "only configured" => variant == ConsumerVariant.Configured,
            "except configured" => variant != ConsumerVariant.Configured,
            _ => throw new InvalidOperationException($"unknown marker scope '{Scope}' at {Location}"),
        };

    /// <summary>Every marker in the C# files under <paramref name="projectDirectory"/> (bin and obj excluded).</summary>
    public static IReadOnlyList<ExpectationMarker> Read(string projectDirectory)
    {
        var markers = new List<ExpectationMarker>();
        foreach (var path in Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = ReportedDiagnostic.Relative(path, projectDirectory);
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker.Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }
                var code = lines[i][..match.Index];
                var column = code.IndexOf(match.Groups["text"].Value, StringComparison.Ordinal);
                if (column < 0)
                {
                    throw new InvalidOperationException($"{relative}({i + 1}): marker text \"{match.Groups["text"].Value}\" does not occur in the code of its line");
                }
                var scope = match.Groups["scope"].Success ? $"{match.Groups["scope"].Value} {match.Groups["variant"].Value}" : null;
                markers.Add(new ExpectationMarker(new DiagnosticLocation(match.Groups["id"].Value, relative, i + 1, column + 1), scope));
            }
        }
        return markers;
    }
}
