using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using ScalingAnalyzer.Package.Tests.Infrastructure;

namespace ScalingAnalyzer.Package.Tests;

/// <summary>
/// The package in an editor: the consumer project opened in an MSBuildWorkspace, the Roslyn workspace Visual Studio
/// and C# Dev Kit build on, with the analyzer references the project's design-time build gives it (the restored
/// package's assemblies, the presets' .globalconfig). Every SCALE diagnostic, every fix offered for it, applied
/// through the workspace as the editor's light bulb applies it, and every Fix All: the result must compile.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class IdeWorkspaceTests(ConsumerWorkspace workspace, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly object LocatorLock = new();

    private static void RegisterMSBuild()
    {
        lock (LocatorLock)
        {
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }

    [Fact]
    public async Task Every_fix_offered_for_every_diagnostic_applies_through_the_workspace_and_compiles()
    {
        RegisterMSBuild();
        using var ide = MSBuildWorkspace.Create();
        var project = await ide.OpenProjectAsync(workspace.Ide.ProjectFile);
        Assert.True(project.HasDocuments, string.Join("\n", ide.Diagnostics));

        // The analyzer references are the restored package's, as the design-time build resolved them.
        var references = project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .Where(r => Path.GetFileName(r.FullPath).StartsWith("ScalingAnalyzer", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ScalingAnalyzer.CodeFixes.dll", "ScalingAnalyzer.dll"], references.Select(r => Path.GetFileName(r.FullPath)).Order(StringComparer.Ordinal));
        Assert.All(references, r => Assert.StartsWith(Path.Combine(workspace.PackagesDirectory, "scalinganalyzer", workspace.PackageVersion), r.FullPath, StringComparison.Ordinal));
        var analyzers = references.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        var fixers = references.SelectMany(Fixers).ToList();
        Assert.NotEmpty(analyzers);
        // A fixer for every rule the project shows.
        Assert.All(new[] { "SCALE001", "SCALE002", "SCALE003", "SCALE004" }, id => Assert.Contains(fixers, f => f.FixableDiagnosticIds.Contains(id)));

        var before = await Compile(project);
        Assert.Empty(Errors(before));
        var diagnostics = (await before.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("SCALE", StringComparison.Ordinal)).ToList();
        // Every rule shows, SCALE004 as the suggestion it is by default, each at its marker.
        var expected = ExpectationMarker.Read(workspace.Ide.Directory).Where(m => m.AppliesTo(ConsumerVariant.Default)).Select(m => m.Location).ToHashSet();
        var actual = diagnostics.Select(d => new DiagnosticLocation(d.Id, ReportedDiagnostic.Relative(d.Location.GetLineSpan().Path, workspace.Ide.Directory),
            d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1)).ToHashSet();
        Assert.True(expected.SetEquals(actual), $"expected [{string.Join(", ", expected)}]\nactual [{string.Join(", ", actual)}]");
        Assert.Equal(["SCALE001", "SCALE002", "SCALE003", "SCALE004"], diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.All(diagnostics.Where(d => d.Id == RuleIdentifiers.UnboundedFeature), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));

        var applied = new List<string>();
        foreach (var diagnostic in diagnostics)
        {
            var documentId = project.GetDocument(diagnostic.Location.SourceTree)!.Id;
            var offered = await Actions(ide, documentId, fixers, diagnostic);
            Assert.True(offered.Count > 0, $"no fix offered for {diagnostic}");
            for (var i = 0; i < offered.Count; i++)
            {
                // Asked again of the workspace's current solution, as the light bulb asks after each change.
                var action = (await Actions(ide, documentId, fixers, diagnostic))[i];
                var label = $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: '{action.Title}' ({action.EquivalenceKey})";
                await ApplyCompileAndRevert(ide, documentId, action, label);
                applied.Add(label);
            }
        }

        // Fix All in the project, for every fixer and every equivalence key it offers.
        var keys = new HashSet<(CodeFixProvider Fixer, string Key, string Id)>();
        foreach (var diagnostic in diagnostics)
        {
            var document = ide.CurrentSolution.GetDocument(project.GetDocument(diagnostic.Location.SourceTree)!.Id)!;
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => keys.Add((fixer, action.EquivalenceKey!, diagnostic.Id)), CancellationToken.None));
            }
        }
        foreach (var (fixer, key, id) in keys)
        {
            // The diagnostics of the workspace's current project (the same text as before: every fix was reverted).
            var current = ide.CurrentSolution.GetProject(project.Id)!;
            var currentDiagnostics = (await (await Compile(current)).WithAnalyzers(analyzers, current.AnalyzerOptions).GetAnalyzerDiagnosticsAsync())
                .Where(d => d.Id == id).ToImmutableArray();
            Assert.Equal(diagnostics.Count(d => d.Id == id), currentDiagnostics.Length);
            var provider = new ProjectDiagnostics(currentDiagnostics, current);
            var anyDocument = current.GetDocument(currentDiagnostics[0].Location.SourceTree)!;
            var context = new FixAllContext(anyDocument, fixer, FixAllScope.Project, key, [id], provider, CancellationToken.None);
            var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Assert.True(fixAll is not null, $"Fix All offered nothing for {id} {key}");
            var label = $"Fix All {id} {key}";
            await ApplyCompileAndRevert(ide, anyDocument.Id, fixAll, label);
            applied.Add(label);
        }
        Assert.Contains(applied, a => a.StartsWith("Fix All SCALE002", StringComparison.Ordinal));
        output.WriteLine($"{diagnostics.Count} diagnostics, {applied.Count} fixes applied and compiled:");
        applied.ForEach(output.WriteLine);
    }

    /// <summary>
    /// Applies the action's operations to the workspace (which writes the files, as the editor does), compiles the
    /// project the workspace now holds, then puts every changed document back.
    /// </summary>
    private static async Task ApplyCompileAndRevert(MSBuildWorkspace ide, DocumentId documentId, CodeAction action, string label)
    {
        var original = ide.CurrentSolution;
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
        Assert.True(apply is not null, $"{label}: no ApplyChangesOperation");
        Assert.True(ide.TryApplyChanges(apply.ChangedSolution), $"{label}: the workspace refused the change");
        var changed = ide.CurrentSolution;
        var changedDocuments = changed.GetChanges(original).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).ToList();
        Assert.True(changedDocuments.Count > 0, $"{label}: changed nothing");
        var compilation = await Compile(changed.GetProject(documentId.ProjectId)!);
        var errors = Errors(compilation);
        var text = (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
        Assert.True(errors.Count == 0, $"{label}: the fixed project does not compile:\n{string.Join("\n", errors)}\n{text}");
        // On disk as well: the workspace wrote the fixed file.
        var path = changed.GetDocument(changedDocuments[0])!.FilePath!;
        Assert.Equal((await changed.GetDocument(changedDocuments[0])!.GetTextAsync()).ToString(), File.ReadAllText(path));

        var revert = ide.CurrentSolution;
        foreach (var id in changedDocuments)
        {
            revert = revert.WithDocumentText(id, await original.GetDocument(id)!.GetTextAsync());
        }
        Assert.True(ide.TryApplyChanges(revert), $"{label}: could not put the documents back");
    }

    /// <summary>Every fix the package's fixers offer for <paramref name="diagnostic"/> in the workspace's current document.</summary>
    private static async Task<List<CodeAction>> Actions(MSBuildWorkspace ide, DocumentId documentId, IEnumerable<CodeFixProvider> fixers, Diagnostic diagnostic)
    {
        var document = ide.CurrentSolution.GetDocument(documentId)!;
        var actions = new List<CodeAction>();
        foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }
        return actions;
    }

    private static async Task<Compilation> Compile(Project project) => (await project.GetCompilationAsync())!;

    private static List<Diagnostic> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The code fix providers an analyzer assembly exports for C#, found as an IDE finds them (MEF export attribute).</summary>
    private static IEnumerable<CodeFixProvider> Fixers(AnalyzerFileReference reference)
    {
        var assembly = reference.GetAssembly();
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)))
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            if (export is not null && export.Languages.Contains(LanguageNames.CSharp))
            {
                yield return (CodeFixProvider)Activator.CreateInstance(type)!;
            }
        }
    }

    /// <summary>Fix All's view of the diagnostics: those of the project, per document.</summary>
    private sealed class ProjectDiagnostics(ImmutableArray<Diagnostic> diagnostics, Project project) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project forProject, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(forProject.Id == project.Id ? diagnostics : []);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project forProject, CancellationToken cancellationToken)
            => GetProjectDiagnosticsAsync(forProject, cancellationToken);
    }
}
