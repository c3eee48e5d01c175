using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>A named C# source the crash hunt mutates.</summary>
public sealed record CorpusSource(string Name, string Text);

/// <summary>
/// The real code the crash hunt starts from: every C# file of samples/, and every C# snippet embedded in the
/// analyzer tests as a raw string literal (the TorchSharp and ML.NET programs the rule authors wrote, markup removed).
/// </summary>
public static class SourceCorpus
{
    private static readonly Regex DiagnosticMarkup = new(@"\{\|[A-Za-z0-9]+:|\|\}|\[\||\|\]", RegexOptions.Compiled);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyList<CorpusSource> Samples()
        => EnumerateCSharpFiles(Path.Combine(RepositoryRoot, "samples"))
            .Select(path => new CorpusSource(Relative(path), File.ReadAllText(path)))
            .ToList();

    /// <summary>
    /// The programs of the sample sets (tests/**/SampleSet/**.cs: whole programs in the public examples' style, kept as
    /// files with their data files), which exercise the whole-program summaries, loaders and data-file readers.
    /// </summary>
    public static IReadOnlyList<CorpusSource> SampleSetPrograms()
        => EnumerateCSharpFiles(Path.Combine(RepositoryRoot, "tests"))
            .Where(path => path.Contains($"{Path.DirectorySeparatorChar}SampleSet{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => new CorpusSource(Relative(path), File.ReadAllText(path)))
            .ToList();

    /// <summary>Raw string literals of the test sources that look like programs (a type declaration or a using).</summary>
    public static IReadOnlyList<CorpusSource> TestSnippets()
    {
        var snippets = new List<CorpusSource>();
        foreach (var path in EnumerateCSharpFiles(Path.Combine(RepositoryRoot, "tests")))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), ReliabilityCompilations.ParseOptions).GetRoot();
            var index = 0;
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (!literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                    continue;
                var text = DiagnosticMarkup.Replace(literal.Token.ValueText, string.Empty);
                if (LooksLikeProgram(text))
                    snippets.Add(new CorpusSource($"{Relative(path)}#{index++}", text));
            }
        }
        return snippets;
    }

    private static bool LooksLikeProgram(string text)
        => (text.Contains("TorchSharp", StringComparison.Ordinal) || text.Contains("Microsoft.ML", StringComparison.Ordinal))
           && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("using ", StringComparison.Ordinal));

    private static IEnumerable<string> EnumerateCSharpFiles(string directory)
        => Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                               && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScalingAnalyzer.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No ScalingAnalyzer.sln above {AppContext.BaseDirectory}: the crash hunt reads samples/ and tests/ from the repository.");
    }
}
