using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CodeFixes;
using ScalingAnalyzer.Tests.Reliability.Generation;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Fix All in project and solution scope, over projects of several generated programs (one document each): every
/// document is fixed in one pass, and the project still compiles. The per-program crash hunt covers document scope.
/// </summary>
public class FixAllAcrossDocumentsTests
{
    private const int DocumentsPerProject = 8;
    private static readonly int ProjectCount = ReliabilityScale.Scaled(4);

    private readonly ITestOutputHelper _output;

    public FixAllAcrossDocumentsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task FixAllInProjectAndSolutionScopeKeepsEveryDocumentCompiling()
    {
        var report = new ReliabilityReport();
        var programs = GeneratedCorpus.Programs(ProjectCount * DocumentsPerProject, ReliabilityScale.Seed + 505);
        var broken = new ConcurrentQueue<FixApplication>();
        var analyzerFailures = new ConcurrentQueue<AnalyzerFailure>();
        for (var project = 0; project < ProjectCount; project++)
        {
            var documents = programs.Skip(project * DocumentsPerProject).Take(DocumentsPerProject).Select(p => (p.Name, p.Source)).ToList();
            var runner = await CodeFixRunner.OpenAsync($"Project{project}", documents);
            Assert.Empty(runner.OriginalErrors);
            foreach (var failure in runner.Outcome.Failures)
                analyzerFailures.Enqueue(failure);
            report.Count("projects");
            report.Count("documents", documents.Count);
            report.Count("diagnostics", runner.Outcome.Diagnostics.Length);
            report.Count("diagnostics with no fix offered (Fix All leaves these)", await runner.CountDiagnosticsWithoutFixAsync());
            report.Count("documents with diagnostics", runner.Outcome.Diagnostics.Select(d => d.Location.SourceTree!.FilePath).Distinct().Count());

            foreach (var application in await runner.ApplyFixAllAsync(new[] { FixAllScope.Project, FixAllScope.Solution }))
            {
                report.Count($"Fix All applications.{application.Scope}");
                report.Count($"Fix All.{application.Fixer}.{application.EquivalenceKey}.{application.Scope}: diagnostics of its ids before", application.FixableBefore);
                report.Count($"Fix All.{application.Fixer}.{application.EquivalenceKey}.{application.Scope}: diagnostics of its ids after", application.FixableAfter);
                if (application.BrokeCode)
                    broken.Enqueue(application);
                foreach (var failure in application.AnalyzerFailuresAfterFix)
                    analyzerFailures.Enqueue(failure);
            }
        }
        report.Count("fixes that broke code or threw", broken.Count);
        report.Count("analyzer exceptions", analyzerFailures.Count);
        report.Write(_output, nameof(FixAllInProjectAndSolutionScopeKeepsEveryDocumentCompiling));
        Assert.True(analyzerFailures.IsEmpty, string.Join("\n", analyzerFailures.Take(3)));
        Assert.True(broken.IsEmpty, string.Join("\n\n", broken.Take(2)));
    }
}
