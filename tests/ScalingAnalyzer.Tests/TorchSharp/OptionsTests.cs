using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>The .editorconfig options and what counts as a scaling step beyond the built-in ones.</summary>
public class OptionsTests
{
    private static Task Run(string source, string? editorConfig, params DiagnosticResult[] expected)
        => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(source, editorConfig: editorConfig, expected: expected);

    private static string EditorConfig(string options) => "root = true\n\n[*.cs]\n" + options + "\n";

    private const string Moderate = """
                var x = torch.rand(100, 1) * 50;
                var y = torch.rand(100, 1);
        """;

    [Fact]
    public Task ThresholdRaisedSilencesModerateFeatures() => Run(
        ProgramWithMain(Moderate + Loop("x")), EditorConfig("scaling_analyzer.feature_magnitude_threshold = 100"));

    [Fact]
    public Task ThresholdLoweredReportsSmallerFeatures() => Run(
        ProgramWithMain("""
                var x = torch.rand(100, 1) * 5;
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}")),
        EditorConfig("scaling_analyzer.feature_magnitude_threshold = 2"),
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[0, 5]", "model.forward", "values up to about 5 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task InvalidThresholdFallsBackToTheDefault() => Run(
        ProgramWithMain(Moderate + Loop("{|#0:x|}")),
        EditorConfig("scaling_analyzer.feature_magnitude_threshold = lots"),
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[0, 50]", "model.forward", "values up to about 50 make gradient steps overshoot or barely move its weights"));

    private const string MixedColumns = """
                var x = torch.cat(new[] { torch.rand(100, 1) * 0.05, torch.rand(100, 1) * 5 }, 1);
                var y = torch.rand(100, 1);
        """;

    [Fact]
    public Task ColumnRatioRaisedSilencesMixedColumns() => Run(
        ProgramWithMain(MixedColumns + Loop("x", model: "nn.Linear(2, 1)")), EditorConfig("scaling_analyzer.column_scale_ratio = 1000"));

    [Fact]
    public Task ColumnRatioLoweredReportsMixedColumns() => Run(
        ProgramWithMain(MixedColumns + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        EditorConfig("scaling_analyzer.column_scale_ratio = 50"),
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[0, 5]", "model.forward", "its columns differ in scale by about 100x (column 0 spans [0, 0.05], column 1 spans [0, 5])"));

    private const string UserScaler = """
            static Tensor Rescale(Tensor values) => values / values.max();
        """;

    [Fact]
    public Task UserScalingMethodCountsWhenListed() => Run(
        ProgramWithMain("""
                var x = Data.Rescale(torch.rand(100, 1) * 4500 + 500);
                var y = torch.rand(100, 1);
        """ + Loop("x")) + "\nnamespace Shop.Preprocessing { }\nstatic class Data { public static Tensor Rescale(Tensor values) => (values - 500) / 4500; }\n",
        EditorConfig("scaling_analyzer.scaling_methods = Shop.Other.Method, Data.Rescale"));

    [Fact]
    public Task UnlistedUserMethodIsFollowedIntoItsBody() => Run(
        ProgramWithMain("""
                var x = Data.Rescale(torch.rand(100, 1) * 4500 + 500);
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:x|}")) + "\nstatic class Data { public static Tensor Rescale(Tensor values) => values * 1000; }\n",
        EditorConfig("scaling_analyzer.scaling_methods = Other.Rescale"),
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[5e5, 5e6]", "model.forward", "values up to about 5e6 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task UserScalingMethodWorkingInPlace() => Run(
        ProgramWithMain("""
                var x = torch.linspace(500, 5000, 100).reshape(-1, 1);
                Shop.Preprocessing.StandardizeInPlace(x);
                var y = torch.rand(100, 1);
        """ + Loop("x")) + """

        namespace Shop
        {
            public static class Preprocessing
            {
                public static void StandardizeInPlace(TorchSharp.torch.Tensor x) => x.sub_(x.mean()).div_(x.std());
            }
        }
        """,
        EditorConfig("scaling_analyzer.scaling_methods = Shop.Preprocessing.StandardizeInPlace"));

    [Fact]
    public Task UserScalingMethodWorkingInPlaceIsSeenUnlisted() => Run(
        ProgramWithMain("""
                var x = torch.linspace(500, 5000, 100).reshape(-1, 1);
                Shop.Preprocessing.StandardizeInPlace(x);
                var y = torch.rand(100, 1);
        """ + Loop("x")) + """

        namespace Shop
        {
            public static class Preprocessing
            {
                public static void StandardizeInPlace(TorchSharp.torch.Tensor x) => x.sub_(x.mean()).div_(x.std());
            }
        }
        """,
        null);

    [Fact]
    public Task RuntimeStandardScalerScales() => Run(
        ProgramWithMain("""
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var xScaler = ScalingAnalyzer.Runtime.StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
        """ + Loop("xScaled")), null);

    [Fact]
    public Task RuntimeMinMaxScalerOnArraysScales() => Run(
        ProgramWithMain("""
                double[] sizes = File.ReadAllLines("houses.csv").Select(double.Parse).ToArray();
                var scaler = ScalingAnalyzer.Runtime.MinMaxScaler.Fit(sizes);
                var x = torch.tensor(scaler.Transform(sizes)).reshape(-1, 1);
                var y = torch.rand(100, 1);
        """ + Loop("x")), null);

    [Fact]
    public Task ReshapedVectorsAreColumnsOfACat() => Run(
        ProgramWithMain("""
                var rooms = torch.linspace(0, 1, 64).reshape(-1, 1);
                var floors = torch.linspace(0, 5, 64).unsqueeze(1);
                var x = torch.cat(new[] { rooms, floors }, 1);
                var y = torch.rand(64, 1);
        """ + Loop("{|#0:x|}", model: "nn.Linear(2, 1)")),
        EditorConfig("scaling_analyzer.column_scale_ratio = 2"),
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[0, 5]", "model.forward", "its columns differ in scale by about 5x (column 0 spans [0, 1], column 1 spans [0, 5])"));
}
