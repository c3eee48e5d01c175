using System.Text.RegularExpressions;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>One compiler diagnostic as MSBuild prints it: <c>path(line,col): warning SCALE001: message [project]</c>.</summary>
public sealed record ReportedDiagnostic(string Id, string Severity, string File, int Line, int Column, string Message)
{
    private static readonly Regex MSBuildLine = new(
        @"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>The place, as a marker in the sources states it.</summary>
    public DiagnosticLocation Location => new(Id, File, Line, Column);

    /// <summary>Every distinct diagnostic in a build log (MSBuild repeats warnings in its summary), with file names relative to <paramref name="projectDirectory"/>.</summary>
    public static IReadOnlyList<ReportedDiagnostic> ParseBuildOutput(string output, string projectDirectory)
        => output.Split('\n')
            .Select(line => MSBuildLine.Match(line.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => new ReportedDiagnostic(
                m.Groups["id"].Value,
                m.Groups["severity"].Value,
                Relative(m.Groups["file"].Value, projectDirectory),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value),
                m.Groups["message"].Value))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    internal static string Relative(string path, string projectDirectory)
        => Path.IsPathRooted(path) ? Path.GetRelativePath(projectDirectory, path).Replace('\\', '/') : path.Replace('\\', '/');

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>A rule id at a 1-based line and column of a project-relative file.</summary>
public sealed record DiagnosticLocation(string Id, string File, int Line, int Column)
{
    public override string ToString() => $"{Id} at {File}({Line},{Column})";
}
