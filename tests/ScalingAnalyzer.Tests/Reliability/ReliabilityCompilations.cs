using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Compilations for the reliability tests, built directly on <see cref="CSharpCompilation"/> (the testing library's
/// per-test overhead would cost minutes over thousands of inputs). The references are resolved once per process
/// and one empty base compilation is reused, so every input shares the already-loaded reference symbols.
/// </summary>
public static class ReliabilityCompilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public static readonly CSharpCompilationOptions LibraryOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    /// <summary>What a project with <c>ImplicitUsings</c> gets, so samples written for it bind as they do in a build.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyReferences = new(ResolveReferencesAsync);
    private static readonly Lazy<Task<CSharpCompilation>> LazyEmpty = new(async () =>
        CSharpCompilation.Create("Reliability", references: await LazyReferences.Value.ConfigureAwait(false), options: LibraryOptions));

    /// <summary>.NET 8 reference assemblies, TorchSharp 0.107, Microsoft.ML 5.0.1 and ScalingAnalyzer.Runtime.</summary>
    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => LazyReferences.Value;

    public static async Task<CSharpCompilation> CreateAsync(params string[] sources)
        => (await LazyEmpty.Value.ConfigureAwait(false)).AddSyntaxTrees(sources.Select((source, index) => Parse(source, $"Source{index}.cs")));

    public static async Task<CSharpCompilation> CreateAsync(IEnumerable<SyntaxTree> trees)
        => (await LazyEmpty.Value.ConfigureAwait(false)).AddSyntaxTrees(trees);

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static SyntaxTree ImplicitUsingsTree() => Parse(ImplicitUsings, "ImplicitUsings.g.cs");

    public static ImmutableArray<Diagnostic> CompilerErrors(Compilation compilation)
        => compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    private static async Task<ImmutableArray<MetadataReference>> ResolveReferencesAsync()
    {
        var packages = await TestReferences.WithBoth.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
        return packages.Add(TestReferences.Runtime);
    }
}
