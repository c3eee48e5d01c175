using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScalingAnalyzer.CodeFixes;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.MLNet;

/// <summary>
/// SCALE002's fix titles name the normalizer, the feature column and the trainer, so that the IDE's list tells two
/// pipelines of one method apart; the equivalence keys are the package's shared constants.
/// </summary>
public class MLNetFixTitleTests
{
    private const string TwoPipelines = """
        using Microsoft.ML;

        static class Training
        {
            static object Train(MLContext ml)
            {
                var online = ml.Transforms.Concatenate("Features", "Size")
                    .Append(ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Price"));
                var sdca = ml.Transforms.Concatenate("Rooms", "RoomCount")
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Price", featureColumnName: "Rooms"));
                return (online, sdca);
            }
        }
        """;

    [Fact]
    public async Task Titles_name_the_column_and_the_trainer_and_keys_are_the_shared_constants()
    {
        var references = await TestReferences.WithMLNet.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Titles", "Titles", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: references));
        var document = workspace.AddDocument(project.Id, "Training.cs", SourceText.From(TwoPipelines));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MLNetNormalizationAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(2, diagnostics.Length);

        var offered = new List<(string Title, string? Key)>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => offered.Add((action.Title, action.EquivalenceKey)), CancellationToken.None);
            await new MLNetNormalizationFixer().RegisterCodeFixesAsync(context);
        }
        Assert.Equal(
        [
            ("Add NormalizeMeanVariance(\"Features\") before OnlineGradientDescent", FixEquivalenceKeys.NormalizeMeanVariance),
            ("Add NormalizeMinMax(\"Features\") before OnlineGradientDescent", FixEquivalenceKeys.NormalizeMinMax),
            ("Add NormalizeMeanVariance(\"Rooms\") before Sdca", FixEquivalenceKeys.NormalizeMeanVariance),
            ("Add NormalizeMinMax(\"Rooms\") before Sdca", FixEquivalenceKeys.NormalizeMinMax),
        ], offered);
    }

    [Fact]
    public void Every_fixer_key_follows_the_one_naming_scheme()
    {
        var keys = typeof(FixEquivalenceKeys).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(10, keys.Count);
        Assert.All(keys, key => Assert.Matches("^ScalingAnalyzer\\.[A-Z][A-Za-z]+$", key));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FixEquivalenceKeys.StandardizeFeature, UnscaledFeatureFixer.StandardizeEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.MinMaxScaleFeature, UnscaledFeatureFixer.MinMaxScaleEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.StandardizeTarget, UnreachableTargetFixer.StandardizeTargetEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.NormalizeMeanVariance, MLNetNormalizationFixer.MeanVarianceEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.NormalizeMinMax, MLNetNormalizationFixer.MinMaxEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.ScaleServedInput, TrainServeSkewFixer.ScaleInputEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.MapOutputBack, TrainServeSkewFixer.MapOutputBackEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.FitStatisticsOnTrainingRows, DataLeakageFixer.FitOnTrainingRowsEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.FitNormalizerOnTrainSet, DataLeakageFixer.FitOnTrainSetEquivalenceKey);
        Assert.Equal(FixEquivalenceKeys.NormalizeInsideCrossValidation, DataLeakageFixer.NormalizeInsideCrossValidationEquivalenceKey);
    }
}
