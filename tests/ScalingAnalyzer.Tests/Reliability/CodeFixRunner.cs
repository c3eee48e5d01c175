using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>One code action applied to a program: what it was, and the compiler errors it added.</summary>
public sealed record FixApplication(
    string Program,
    string Fixer,
    string EquivalenceKey,
    string Title,
    string Scope,
    string Diagnostics,
    ImmutableArray<string> NewErrors,
    ImmutableArray<AnalyzerFailure> AnalyzerFailuresAfterFix,
    string FixedSource,
    Exception? FixerException = null,
    int FixableBefore = 0,
    int FixableAfter = 0)
{
    public bool BrokeCode => !NewErrors.IsEmpty || FixerException is not null;

    public override string ToString()
        => FixerException is not null
            ? $"{Fixer} '{Title}' ({Scope}) on {Program} for {Diagnostics} threw {FixerException}\nsource:\n{FixedSource}"
            : $"{Fixer} '{Title}' ({Scope}) on {Program} for {Diagnostics} added errors:\n  {string.Join("\n  ", NewErrors)}\nfixed source:\n{FixedSource}";
}

/// <summary>
/// Programs opened as the documents of one project in an <see cref="AdhocWorkspace"/>, analysed by every shipped
/// analyzer, with every offered code fix applied one at a time and through each fixer's Fix All provider (document,
/// project and solution scope), the way an IDE and <c>dotnet format</c> apply them.
/// </summary>
public sealed class CodeFixRunner
{
    private readonly string _program;
    private readonly Project _project;
    private readonly ImmutableArray<string> _originalErrors;

    private readonly Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? _options;

    private CodeFixRunner(string program, Project project, AnalysisOutcome outcome, ImmutableArray<string> originalErrors, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? options = null)
    {
        _options = options;
        _program = program;
        _project = project;
        Outcome = outcome;
        _originalErrors = originalErrors;
    }

    public AnalysisOutcome Outcome { get; }

    public ImmutableArray<string> OriginalErrors => _originalErrors;

    /// <summary>Fixers that threw while registering, kept as failed applications (an IDE shows them as a crashed fix).</summary>
    public List<FixApplication> RegistrationFailures { get; } = new();

    public static Task<CodeFixRunner> OpenAsync(string program, string source, CancellationToken cancellationToken = default)
        => OpenAsync(program, new[] { (program, source) }, cancellationToken);

    public static Task<CodeFixRunner> OpenAsync(string name, IReadOnlyList<(string Name, string Source)> documents, CancellationToken cancellationToken = default)
        => OpenAsync(name, documents, options: null, outputKind: OutputKind.DynamicallyLinkedLibrary, cancellationToken);

    /// <summary>The documents as a project of <paramref name="outputKind"/>, analysed with <paramref name="options"/> (its data files, its options) before and after each fix.</summary>
    public static Task<CodeFixRunner> OpenAsync(string name, IReadOnlyList<(string Name, string Source)> documents, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? options, OutputKind outputKind, CancellationToken cancellationToken = default)
        => OpenAsync(name, documents, options, outputKind, references: null, cancellationToken);

    /// <summary>As above, compiled against <paramref name="references"/> (the reliability references when null).</summary>
    public static async Task<CodeFixRunner> OpenAsync(string name, IReadOnlyList<(string Name, string Source)> documents, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? options, OutputKind outputKind, ImmutableArray<MetadataReference>? references, CancellationToken cancellationToken = default)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, name, name, LanguageNames.CSharp,
                compilationOptions: ReliabilityCompilations.LibraryOptions.WithOutputKind(outputKind),
                parseOptions: ReliabilityCompilations.ParseOptions,
                metadataReferences: references ?? await ReliabilityCompilations.ReferencesAsync().ConfigureAwait(false)));
        foreach (var (documentName, source) in documents)
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), documentName + ".cs", SourceText.From(source), filePath: "/" + documentName + ".cs");
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var outcome = await AnalyzerRun.AnalyzeAsync(compilation, name, options: options, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new CodeFixRunner(name, project, outcome, ErrorKeys(compilation), options);
    }

    /// <summary>Every code action every fixer registers for each diagnostic, applied alone to the original program.</summary>
    public async Task<IReadOnlyList<FixApplication>> ApplyEachAsync(CancellationToken cancellationToken = default)
    {
        var applications = new List<FixApplication>();
        foreach (var diagnostic in Outcome.Diagnostics)
        {
            foreach (var fixer in ShippedAnalyzers.CodeFixesFor(diagnostic.Id))
            {
                foreach (var action in await RegisteredActionsAsync(fixer, diagnostic, cancellationToken).ConfigureAwait(false))
                {
                    var application = await ApplyAsync(fixer, action, action.EquivalenceKey ?? "(none)", "single", AnalyzerRun.Fingerprint(diagnostic), cancellationToken).ConfigureAwait(false);
                    if (application is not null)
                        applications.Add(application);
                }
            }
        }
        return applications;
    }

    /// <summary>Each fixer's Fix All, for every equivalence key it offered here, in each of <paramref name="scopes"/> it supports.</summary>
    public async Task<IReadOnlyList<FixApplication>> ApplyFixAllAsync(IReadOnlyList<FixAllScope> scopes, CancellationToken cancellationToken = default)
    {
        var applications = new List<FixApplication>();
        foreach (var fixer in ShippedAnalyzers.CodeFixes)
        {
            var fixable = Outcome.Diagnostics.Where(diagnostic => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)).ToImmutableArray();
            if (fixable.IsEmpty || fixer.GetFixAllProvider() is not { } fixAllProvider)
                continue;
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in fixable)
            {
                foreach (var action in await RegisteredActionsAsync(fixer, diagnostic, cancellationToken).ConfigureAwait(false))
                {
                    if (action.EquivalenceKey is { } key)
                        keys.Add(key);
                }
            }
            var triggerDocument = DocumentOf(fixable[0]);
            foreach (var key in keys)
            {
                foreach (var scope in scopes)
                {
                    if (!fixAllProvider.GetSupportedFixAllScopes().Contains(scope))
                        continue;
                    var context = new FixAllContext(
                        triggerDocument, fixer, scope, key, fixable.Select(d => d.Id).Distinct(),
                        new KnownDiagnostics(fixable), cancellationToken);
                    CodeAction? action;
                    try
                    {
                        action = await fixAllProvider.GetFixAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        applications.Add(new FixApplication(_program, fixer.GetType().Name, key, "(Fix All provider)", $"Fix All ({scope})", string.Join(", ", fixable.Select(d => d.Id)),
                            ImmutableArray<string>.Empty, ImmutableArray<AnalyzerFailure>.Empty, await SourcesAsync(_project, cancellationToken).ConfigureAwait(false), exception));
                        continue;
                    }
                    if (action is null)
                        continue;
                    var application = await ApplyAsync(fixer, action, key, $"Fix All ({scope})", string.Join(", ", fixable.Select(d => d.Id + d.Location.SourceSpan)), cancellationToken).ConfigureAwait(false);
                    if (application is not null)
                        applications.Add(application);
                }
            }
        }
        return applications;
    }

    /// <summary>Diagnostics for which no fixer registers any action (no fix offered: Fix All leaves them, by design).</summary>
    public async Task<int> CountDiagnosticsWithoutFixAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var diagnostic in Outcome.Diagnostics)
        {
            var offered = false;
            foreach (var fixer in ShippedAnalyzers.CodeFixesFor(diagnostic.Id))
                offered |= (await RegisteredActionsAsync(fixer, diagnostic, cancellationToken).ConfigureAwait(false)).Count > 0;
            if (!offered)
                count++;
        }
        return count;
    }

    private Document DocumentOf(Diagnostic diagnostic)
        => _project.GetDocument(diagnostic.Location.SourceTree) ?? throw new InvalidOperationException($"{diagnostic.Id} is not in a document of {_program}.");

    private async Task<IReadOnlyList<CodeAction>> RegisteredActionsAsync(CodeFixProvider fixer, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var document = DocumentOf(diagnostic);
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        try
        {
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RegistrationFailures.Add(new FixApplication(_program, fixer.GetType().Name, "(registration)", "(registration)", "register", AnalyzerRun.Fingerprint(diagnostic),
                ImmutableArray<string>.Empty, ImmutableArray<AnalyzerFailure>.Empty, (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString(), exception));
        }
        return actions;
    }

    private async Task<FixApplication?> ApplyAsync(CodeFixProvider fixer, CodeAction action, string equivalenceKey, string scope, string diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyUncheckedAsync(fixer, action, equivalenceKey, scope, diagnostics, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new FixApplication(_program, fixer.GetType().Name, equivalenceKey, action.Title, scope, diagnostics,
                ImmutableArray<string>.Empty, ImmutableArray<AnalyzerFailure>.Empty, await SourcesAsync(_project, cancellationToken).ConfigureAwait(false), exception);
        }
    }

    private async Task<FixApplication?> ApplyUncheckedAsync(CodeFixProvider fixer, CodeAction action, string equivalenceKey, string scope, string diagnostics, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution;
        if (changed?.GetProject(_project.Id) is not { } fixedProject)
            return null;
        var compilation = (await fixedProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var fixedSource = await SourcesAsync(fixedProject, cancellationToken, changedFrom: _project).ConfigureAwait(false);
        var newErrors = ErrorKeys(compilation).Except(_originalErrors).ToImmutableArray();
        var reanalysis = await AnalyzerRun.AnalyzeAsync(compilation, $"{_program} after {fixer.GetType().Name} '{action.Title}' ({scope}):\n{fixedSource}", options: _options, cancellationToken: cancellationToken).ConfigureAwait(false);
        int Fixable(IEnumerable<Diagnostic> all) => all.Count(d => fixer.FixableDiagnosticIds.Contains(d.Id));
        return new FixApplication(_program, fixer.GetType().Name, equivalenceKey, action.Title, scope, diagnostics, newErrors, reanalysis.Failures, fixedSource,
            FixableBefore: Fixable(Outcome.Diagnostics), FixableAfter: Fixable(reanalysis.Diagnostics));
    }

    /// <summary>The text of the project's documents (only those that differ from <paramref name="changedFrom"/>, when given).</summary>
    private static async Task<string> SourcesAsync(Project project, CancellationToken cancellationToken, Project? changedFrom = null)
    {
        var texts = new List<string>();
        foreach (var document in project.Documents)
        {
            var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            if (changedFrom?.GetDocument(document.Id) is { } original && (await original.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString() == text)
                continue;
            texts.Add(project.Documents.Count() > 1 ? $"// {document.Name}\n{text}" : text);
        }
        return string.Join("\n", texts);
    }

    /// <summary>Errors keyed without positions: a fix moves code, so only errors of a new kind or text count as new.</summary>
    private static ImmutableArray<string> ErrorKeys(Compilation compilation)
        => ReliabilityCompilations.CompilerErrors(compilation).Select(error => $"{error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").ToImmutableArray();

    /// <summary>Fix All reads the diagnostics the analyzers reported, document by document.</summary>
    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
