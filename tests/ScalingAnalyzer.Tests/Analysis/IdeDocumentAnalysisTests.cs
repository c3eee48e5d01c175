using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ScalingAnalyzer.Tests.MLNet;
using ScalingAnalyzer.Tests.Reliability;
using ScalingAnalyzer.Tests.TorchSharpIdioms;
using ScalingAnalyzer.Tests.Verifiers;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>
/// The rules run once per file (semantic model actions), and the IDE asks for one document's diagnostics, or for those
/// of a span of it (the light bulb at the caret): each request reports what the whole build reports there, and asking
/// for one file, then another, then the whole compilation gives the same diagnostics as the build.
/// </summary>
public class IdeDocumentAnalysisTests
{
    private static async Task<CSharpCompilation> CompileAsync(params (string Path, string Source)[] files)
    {
        var references = await TestReferences.WithBoth.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "Ide",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, path: file.Path)),
            references.Add(TestReferences.Runtime),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }

    private static CompilationWithAnalyzers WithShippedAnalyzers(Compilation compilation) => compilation.WithAnalyzers(
        ShippedAnalyzers.Analyzers,
        new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

    private static readonly (string, string)[] Files =
    {
        ("/0/Loader.cs", DataLoaderTests.LoaderProgram(DataLoaderTests.RawSizes)),
        ("/0/Pipeline.cs", MLNetTestCode.InTrainingMethod("""
                    var pipeline = ml.Transforms.Concatenate("Features", "Size")
                        .Append(ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price"));
            """).Replace("public static class Training", "public static class Training2")),
    };

    [Fact]
    public async Task A_document_and_a_span_of_it_report_what_the_build_reports_there()
    {
        var compilation = await CompileAsync(Files);
        var build = AnalyzerRun.Fingerprints(await WithShippedAnalyzers(compilation).GetAnalyzerDiagnosticsAsync());
        Assert.Contains(build, d => d.StartsWith("SCALE001 /0/Loader.cs", StringComparison.Ordinal));
        Assert.Contains(build, d => d.StartsWith("SCALE002 /0/Pipeline.cs", StringComparison.Ordinal));

        var perDocument = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            // A fresh analysis per request, as the IDE makes after an edit.
            var model = compilation.GetSemanticModel(tree);
            var document = await WithShippedAnalyzers(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
            perDocument.AddRange(document);
            foreach (var diagnostic in document)
            {
                // The member around the diagnostic, as the light bulb asks for it.
                var member = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<MemberDeclarationSyntax>().First();
                var inSpan = await WithShippedAnalyzers(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, member.Span, CancellationToken.None);
                Assert.Contains(AnalyzerRun.Fingerprint(diagnostic), AnalyzerRun.Fingerprints(inSpan));
            }
        }
        var documents = AnalyzerRun.Fingerprints(perDocument);
        Assert.True(build.SequenceEqual(documents),
            "only in the build:\n" + string.Join("\n", build.Except(documents)) + "\nonly per document:\n" + string.Join("\n", documents.Except(build))
            + $"\n(counts {build.Length} and {documents.Length})");
    }
}
