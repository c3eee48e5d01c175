using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Every analyzer and code fix the package ships, found by reflection over the two product assemblies, so the
/// reliability tests cover each rule as soon as it lands without being edited.
/// </summary>
public static class ShippedAnalyzers
{
    public static readonly Assembly AnalyzerAssembly = typeof(RuleIdentifiers).Assembly;

    /// <summary>Loaded by name: the test project references it, but no type of it is needed at compile time.</summary>
    public static readonly Assembly CodeFixAssembly = Assembly.Load(new AssemblyName("ScalingAnalyzer.CodeFixes"));

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = CreateAll<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(AnalyzerAssembly);

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = CreateAll<CodeFixProvider, ExportCodeFixProviderAttribute>(CodeFixAssembly);

    public static ImmutableHashSet<string> SupportedDiagnosticIds { get; } =
        Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).ToImmutableHashSet();

    public static ImmutableArray<CodeFixProvider> CodeFixesFor(string diagnosticId)
        => CodeFixes.Where(fix => fix.FixableDiagnosticIds.Contains(diagnosticId)).ToImmutableArray();

    public static string Describe()
        => $"analyzers: {string.Join(", ", Analyzers.Select(a => a.GetType().Name))} (ids {string.Join(", ", SupportedDiagnosticIds.OrderBy(id => id))}); " +
           $"code fixes: {string.Join(", ", CodeFixes.Select(f => $"{f.GetType().Name} ({string.Join("/", f.FixableDiagnosticIds)})"))}";

    /// <summary>Only types the compiler or the IDE would load: public, concrete, carrying the export attribute.</summary>
    private static ImmutableArray<TBase> CreateAll<TBase, TExportAttribute>(Assembly assembly)
        where TBase : class
        where TExportAttribute : Attribute
        => assembly.GetTypes()
            .Where(type => typeof(TBase).IsAssignableFrom(type) && !type.IsAbstract && type.IsPublic && type.GetCustomAttribute<TExportAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (TBase)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
