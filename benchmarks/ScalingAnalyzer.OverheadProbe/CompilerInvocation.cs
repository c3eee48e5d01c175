using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ScalingAnalyzer.OverheadProbe;

/// <summary>
/// One csc command line, read the way csc reads it: the parsed sources, the references, the options (the
/// .editorconfig and global config files included) and the analyzers and generators it names. The parts that do not
/// change from run to run (syntax trees, metadata, analyzer instances) are made once and shared by every compilation,
/// as the compiler server shares them between builds.
/// </summary>
internal sealed class CompilerInvocation(
    CSharpCommandLineArguments arguments,
    ImmutableArray<SyntaxTree> trees,
    ImmutableArray<MetadataReference> references,
    CSharpCompilationOptions options,
    AnalyzerConfigOptionsProvider analyzerConfigOptions,
    ImmutableArray<AdditionalText> additionalFiles,
    ImmutableArray<ISourceGenerator> generators,
    ImmutableArray<(string Path, DiagnosticAnalyzer Analyzer)> analyzers)
{
    public CSharpCommandLineArguments Arguments => arguments;
    public ImmutableArray<SyntaxTree> Trees => trees;

    /// <summary>Every analyzer the command line names, with the file it came from.</summary>
    public ImmutableArray<(string Path, DiagnosticAnalyzer Analyzer)> Analyzers => analyzers;

    /// <summary>Reads a response file of csc arguments; relative paths in it are taken from <paramref name="baseDirectory"/>.</summary>
    public static CompilerInvocation Load(string responseFile, string baseDirectory)
    {
        var text = File.ReadAllText(responseFile);
        var arguments = CSharpCommandLineParser.Default.Parse(
            CommandLineParser.SplitCommandLineIntoArguments(text, removeHashComments: false),
            baseDirectory,
            sdkDirectory: System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var errors = arguments.Errors.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"The command line in {responseFile} does not parse: {errors[0]}");

        var encoding = arguments.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var trees = arguments.SourceFiles
            .Select(file => CSharpSyntaxTree.ParseText(
                SourceText.From(File.ReadAllText(file.Path, encoding), encoding, arguments.ChecksumAlgorithm),
                arguments.ParseOptions, file.Path))
            .ToImmutableArray();
        var references = arguments.MetadataReferences
            .Select(reference => (MetadataReference)MetadataReference.CreateFromFile(reference.Reference, reference.Properties))
            .ToImmutableArray();

        var configs = arguments.AnalyzerConfigPaths
            .Select(path => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path))
            .ToImmutableArray();
        var configSet = AnalyzerConfigSet.Create(configs, out _);
        var additionalFiles = arguments.AdditionalFiles
            .Select(file => (AdditionalText)new AdditionalFileOnDisk(file.Path))
            .ToImmutableArray();
        var treeOptions = new ConfigSetOptionsProvider(configSet, trees, additionalFiles);
        var options = arguments.CompilationOptions.WithSyntaxTreeOptionsProvider(new ConfigSetSeverityProvider(configSet, trees));

        var loader = new DirectoryAnalyzerLoader();
        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        var analyzers = ImmutableArray.CreateBuilder<(string, DiagnosticAnalyzer)>();
        foreach (var reference in arguments.AnalyzerReferences)
        {
            var file = new AnalyzerFileReference(Path.GetFullPath(reference.FilePath, baseDirectory), loader);
            file.AnalyzerLoadFailed += (_, failure) =>
                throw new InvalidOperationException($"The analyzer assembly {file.FullPath} does not load: {failure.Message}", failure.Exception);
            generators.AddRange(file.GetGenerators(LanguageNames.CSharp));
            analyzers.AddRange(file.GetAnalyzers(LanguageNames.CSharp).Select(analyzer => (file.FullPath, analyzer)));
        }

        return new CompilerInvocation(arguments, trees, references, options, treeOptions, additionalFiles,
            generators.ToImmutable(), analyzers.ToImmutable());
    }

    /// <summary>
    /// A new compilation with nothing bound yet, the source generators run on it as csc runs them. Syntax trees and
    /// metadata are shared with earlier compilations; symbols and bound method bodies are not.
    /// </summary>
    public Compilation CreateCompilation()
    {
        var compilation = CSharpCompilation.Create(arguments.CompilationName, trees, references, options);
        if (generators.IsEmpty)
            return compilation;
        var driver = CSharpGeneratorDriver.Create(generators, additionalFiles, arguments.ParseOptions, analyzerConfigOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        return withGenerated;
    }

    /// <summary>A new compilation, emitted as csc emits it (IL, portable PDB, reference assembly), in memory.</summary>
    public Compilation CompileAndEmit(bool concurrent)
    {
        var compilation = CreateCompilation();
        if (!concurrent)
            compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        using var referenceAssembly = new MemoryStream();
        var emitted = compilation.Emit(pe, pdb, metadataPEStream: referenceAssembly, options: arguments.EmitOptions);
        if (!emitted.Success)
            throw new InvalidOperationException($"The compilation fails: {emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
        return compilation;
    }

    public AnalyzerOptions CreateAnalyzerOptions() => new(additionalFiles, analyzerConfigOptions);

    /// <summary>Loads analyzer assemblies into the default context and finds their dependencies beside them.</summary>
    private sealed class DirectoryAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

        public DirectoryAnalyzerLoader()
        {
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                foreach (var directory in _directories)
                {
                    var candidate = Path.Combine(directory, name.Name + ".dll");
                    if (File.Exists(candidate))
                        return context.LoadFromAssemblyPath(candidate);
                }
                return null;
            };
        }

        public void AddDependencyLocation(string fullPath) => _directories.Add(Path.GetDirectoryName(fullPath)!);

        public Assembly LoadFromPath(string fullPath)
        {
            _directories.Add(Path.GetDirectoryName(fullPath)!);
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }

    private sealed class AdditionalFileOnDisk(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
