using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>
/// The TorchSharp gaps SCALE001/SCALE004 listed as limits until issue 13's fourth session: statistics over a dimension
/// (returned with their indexes), a minimum subtracted with no division, an epsilon added to a spread, arrays rewritten
/// from themselves in loops (every element, some elements), and a path that names one of a few data files.
/// </summary>
public class KnownGapTests
{
    private const string Sizes = "        var x = torch.rand(100, 2) * 4500 + 500;\n        var y = torch.rand(100, 1);\n";

    private static DiagnosticResult Scale001(string text, string range, string magnitude) => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
        .WithArguments(text, range, "model.forward", "values up to about " + magnitude + " make gradient steps overshoot or barely move its weights");

    [Theory]
    [InlineData("var scaled = (x - x.min(0).values) / (x.max(0).values - x.min(0).values);")]
    [InlineData("var (mn, _) = x.min(0, keepdim: true); var (mx, _) = x.max(0, keepdim: true); var scaled = (x - mn) / (mx - mn + 1e-8f);")]
    [InlineData("var mins = x.min(0).values; var scaled = x.sub(mins).div(x.max(0).values.sub(mins));")]
    [InlineData("var scaled = (x - x.mean(new long[] { 0 })) / (x.std(0) + 1e-8f);")]
    [InlineData("var scaled = (x - x.mean(new long[] { 0 })) / (1e-6f + x.std(0));")]
    public Task StatisticsOverADimensionScale(string scaling) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Sizes + "        " + scaling + "\n" + Loop("scaled", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task AMinimumSubtractedWithNoDivisionKeepsTheDataWidth() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Sizes + "        var shifted = x - x.min(0).values;\n" + Loop("{|#0:shifted|}", model: "nn.Linear(2, 1)")),
        expected: Scale001("shifted", "[0, 4500]", "4500"));

    [Fact]
    public Task AnEpsilonLargerThanOneThousandthIsNotTakenForOne() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Sizes + "        var scaled = (x - x.mean(new long[] { 0 })) / (x.std(0) + 1000f);\n" + Loop("scaled", model: "nn.Linear(2, 1)")));

    private static string Pixels(string rewrite, string feature) => ProgramWithMain($$"""
                var bytes = File.ReadAllBytes("img.bin");
                var pixels = bytes.Select(b => (float)b).ToArray();
        {{rewrite}}
                var x = torch.tensor(pixels).reshape(-1, 4);
                var y = torch.rand(25, 1);
        """ + Loop(feature, model: "nn.Linear(4, 1)"));

    [Theory]
    [InlineData("        for (int i = 0; i < pixels.Length; i++) pixels[i] /= 255f;")]
    [InlineData("        for (var i = 0; i < pixels.Length; i++) pixels[i] = (pixels[i] - 127.5f) / 127.5f;")]
    [InlineData("        const float Full = 255f;\n        for (var i = 0; i < pixels.Length; i++)\n        {\n            pixels[i] = pixels[i] / Full;\n        }")]
    // Statistics of the data: no bound, a scaling step (as before).
    [InlineData("        var max = pixels.Max();\n        for (var i = 0; i < pixels.Length; i++) pixels[i] /= max;")]
    // Under a condition: which elements is not known (as before: silent).
    [InlineData("        for (var i = 0; i < pixels.Length; i++) if (pixels[i] > 1) pixels[i] /= 255f;")]
    public Task EveryElementRewrittenToUnitScaleIsSilent(string rewrite) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(Pixels(rewrite, "x"));

    [Fact]
    public Task EveryElementHalvedStaysRaw() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Pixels("        for (int i = 0; i < pixels.Length; i++) pixels[i] /= 2f;", "{|#0:x|}"),
        expected: Scale001("x", "[0, 130]", "130"));

    [Theory]
    [InlineData("        for (int i = 0; i < pixels.Length; i += 2) pixels[i] /= 255f;")]
    [InlineData("        for (int i = 1; i < pixels.Length; i++) pixels[i] /= 255f;")]
    [InlineData("        pixels[0] /= 255f;")]
    public Task SomeElementsRewrittenLeaveTheOthersRaw(string rewrite) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Pixels(rewrite, "{|#0:x|}"),
        expected: Scale001("x", "[0, 255]", "255"));

    [Fact]
    public Task EveryColumnButTheLabelStandardizedByItsStatisticsIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(ProgramWithMain("""
                var random = new Random(1);
                var table = new float[100, 3];
                for (var i = 0; i < 100; i++)
                {
                    table[i, 0] = random.Next(0, 2);
                    table[i, 1] = random.Next(500, 5000);
                    table[i, 2] = random.Next(1, 60);
                }
                var means = new float[3];
                var stds = new float[3];
                for (var j = 1; j < 3; j++)
                {
                    for (var i = 0; i < 100; i++)
                        means[j] += table[i, j] / 100f;
                    for (var i = 0; i < 100; i++)
                        stds[j] += (table[i, j] - means[j]) * (table[i, j] - means[j]) / 100f;
                    stds[j] = MathF.Sqrt(stds[j]);
                }
                for (var i = 0; i < 100; i++)
                    for (var j = 1; j < 3; j++)
                        table[i, j] = (table[i, j] - means[j]) / stds[j];
                var all = torch.tensor(table);
                var x = all[.., 1..];
                var y = torch.rand(100, 1);
        """ + Loop("x", model: "nn.Linear(2, 1)")));

    private const string Year2023 = "sqft,age\n600,3\n4200,40\n";
    private const string Year2024 = "sqft,age\n900,1\n3900,12\n";

    private static string EitherFile(string choose) => ProgramWithMain($$"""
        {{choose}}
                var values = new List<float>();
                foreach (var line in File.ReadLines(path).Skip(1))
                    values.Add(float.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
                var x = torch.tensor(values.ToArray()).reshape(-1, 1);
                var y = torch.rand(4, 1);
        """ + Loop("{|#0:x|}"));

    private static DiagnosticResult FromBothFiles(string first, string second) => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
        .WithArguments("x", "[600, 4200]", "model.forward", "values up to about 4200 (column 0 spans [600, 4200] in " + first + " and " + second + ") make gradient steps overshoot or barely move its weights");

    private static readonly (string, string)[] BothYears = { ("/src/Houses/Data/houses-2023.csv", Year2023), ("/src/Houses/Data/houses-2024.csv", Year2024) };

    [Fact]
    public Task APathChosenBetweenTwoFilesIsBoundedByBoth() => Verify<UnscaledFeatureAnalyzer>.AnalyzerWithFilesAsync(
        EitherFile("        var latest = Environment.GetCommandLineArgs().Length > 1;\n        var path = latest ? \"Data/houses-2024.csv\" : \"Data/houses-2023.csv\";"),
        BothYears, TestReferences.WithTorchSharp, null, FromBothFiles("houses-2024.csv", "houses-2023.csv"));

    [Fact]
    public Task APathLoopedOverAnArrayIsBoundedByEveryFile() => Verify<UnscaledFeatureAnalyzer>.AnalyzerWithFilesAsync(
        ProgramWithMain("""
                var values = new List<float>();
                foreach (var path in new[] { "Data/houses-2023.csv", "Data/houses-2024.csv" })
                {
                    foreach (var line in File.ReadLines(path).Skip(1))
                        values.Add(float.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
                }
                var x = torch.tensor(values.ToArray()).reshape(-1, 1);
                var y = torch.rand(4, 1);
        """ + Loop("{|#0:x|}")),
        BothYears, TestReferences.WithTorchSharp, null, FromBothFiles("houses-2023.csv", "houses-2024.csv"));

    [Fact]
    public Task APathWhoseChoicesAreNotAllInTheProjectStaysUnknown() => Verify<UnscaledFeatureAnalyzer>.AnalyzerWithFilesAsync(
        EitherFile("        var path = Environment.GetCommandLineArgs().Length > 1 ? \"Data/houses-2024.csv\" : \"Data/houses-2025.csv\";"),
        BothYears, TestReferences.WithTorchSharp, null,
        new DiagnosticResult("SCALE004", DiagnosticSeverity.Info).WithLocation(0).WithArguments("x", "'values.ToArray()'", "model.forward"));
}
