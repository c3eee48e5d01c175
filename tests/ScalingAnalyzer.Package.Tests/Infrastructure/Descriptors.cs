using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Package.Tests.Infrastructure;

/// <summary>Every descriptor the package reports, read from <see cref="DiagnosticDescriptors"/>, in id order.</summary>
internal static class Descriptors
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Ids a plain build prints (warnings and errors; info and hidden stay in the IDE).</summary>
    public static IReadOnlySet<string> ShownInBuildsByDefault { get; } =
        All.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning).Select(d => d.Id).ToHashSet();

    /// <summary>The .editorconfig spelling of a severity.</summary>
    public static string EditorConfigSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        DiagnosticSeverity.Hidden => "silent",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "no .editorconfig spelling"),
    };
}
