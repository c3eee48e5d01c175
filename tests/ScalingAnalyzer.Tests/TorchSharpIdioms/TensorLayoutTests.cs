using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// Blocks of columns joined with cat/stack when some are scaled and others are not; windows (unfold) and sums over a
/// dimension whose length is known.
/// </summary>
public class TensorLayoutTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);
    private static DiagnosticResult Scale004() => new DiagnosticResult("SCALE004", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0);

    private const string Measurements = """
                var sensors = torch.rand(500, 3) * 200 + 900;
                var scaledSensors = (sensors - sensors.mean(new long[] { 0 })) / sensors.std(new long[] { 0 });
                var age = torch.rand(500, 1) * 80 + 18;
                var scaledAge = (age - age.mean()) / age.std();
                var y = torch.rand(500, 1);
        """;

    [Fact]
    public Task ARawColumnBesideScaledColumnsIsReportedByName() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var features = torch.cat(new[] { scaledSensors, age }, 1);
        """ + Loop("{|#0:features|}", model: "nn.Linear(4, 1)")),
        expected: Scale001().WithArguments("features", "[18, 98]", "model.forward",
            "column 3 ('age') is not scaled like the other columns: its values up to about 98 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task AStackedRawColumnIsNamedByPosition() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var income = torch.rand(500) * 90000 + 10000;
                var features = torch.stack(new[] { scaledAge.squeeze(1), income }, 1);
        """ + Loop("{|#0:features|}", model: "nn.Linear(2, 1)")),
        expected: Scale001().WithArguments("features", "[10000, 1e5]", "model.forward",
            "column 1 ('income') is not scaled like the other columns: its values up to about 1e5 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task EveryBlockScaledIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var features = torch.cat(new[] { scaledSensors, scaledAge }, 1);
        """ + Loop("features", model: "nn.Linear(4, 1)")));

    [Fact]
    public Task AUnitScaleRawColumnBesideScaledColumnsIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var flag = torch.randint(0, 2, new long[] { 500, 1 }).to(ScalarType.Float32);
                var features = torch.cat(new[] { scaledSensors, flag }, 1);
        """ + Loop("features", model: "nn.Linear(4, 1)")));

    [Fact]
    public Task ARunTimeColumnBesideScaledColumnsIsSuggested() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var counts = File.ReadAllLines("visits.txt").Select(float.Parse).ToArray();
                var features = torch.cat(new[] { scaledSensors, torch.tensor(counts).reshape(-1, 1) }, 1);
        """ + Loop("{|#0:features|}", model: "nn.Linear(4, 1)")),
        expected: Scale004().WithArguments("features", "column 3 ('torch.tensor(counts).reshape(-1, 1)'), not scaled like the other columns,", "model.forward"));

    [Fact]
    public Task WindowsOfARawSeriesAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var series = torch.rand(1000) * 4500 + 500;
                var windows = series.unfold(0, 8, 1);
                var y = torch.rand(993, 1);
        """ + Loop("{|#0:windows|}", model: "nn.Linear(8, 1)")),
        expected: Scale001().WithArguments("windows", "[500, 5000]", "model.forward", Magnitude5000));

    [Fact]
    public Task WindowsOfAScaledSeriesAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var raw = torch.rand(1000) * 4500 + 500;
                var series = (raw - raw.min()) / (raw.max() - raw.min());
                var windows = series.unfold(0, 8, 1);
                var y = torch.rand(993, 1);
        """ + Loop("windows", model: "nn.Linear(8, 1)")));

    [Fact]
    public Task ASumOverKnownColumnsKeepsABound() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var parts = torch.rand(100, 4) * 1000;
                var total = parts.sum(1, keepdim: true);
                var y = torch.rand(100, 1);
        """ + Loop("{|#0:total|}")),
        expected: Scale001().WithArguments("total", "[0, 4000]", "model.forward", "values up to about 4000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task AMeanOverColumnsKeepsTheRange() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var parts = torch.rand(100, 4);
                var average = parts.mean(new long[] { 1 }, keepdim: true);
                var y = torch.rand(100, 1);
        """ + Loop("average")));

    [Theory]
    [InlineData("table.narrow(1, 0, 4)")]
    [InlineData("table.index_select(1, torch.tensor(new long[] { 0, 1, 2, 3 }))")]
    [InlineData("table[.., ..4]")]
    public Task ScaledColumnsPickedOutOfATableWithARawTargetAreSilent(string picked) => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var rent = torch.rand(500, 1) * 2000 + 500;
                var table = torch.cat(new[] { scaledSensors, scaledAge, rent }, 1);
                var features = 
        """ + picked + ";\n" + Loop("features", model: "nn.Linear(4, 1)")));

    [Fact]
    public Task ARawColumnPickedOutOfATableIsReportedByItsNewPosition() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var table = torch.cat(new[] { scaledSensors, age, y }, 1);
                var features = table.narrow(1, 2, 2);
        """ + Loop("{|#0:features|}", model: "nn.Linear(2, 1)")),
        expected: Scale001().WithArguments("features", "[18, 98]", "model.forward",
            "column 1 ('age') is not scaled like the other columns: its values up to about 98 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task RawColumnsPickedOutOfARawTableKeepTheirOwnBounds() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var small = torch.rand(200, 2);
                var large = torch.rand(200, 1) * 5000;
                var table = torch.cat(new[] { small, large }, 1);
                var features = table.index_select(1, torch.tensor(new long[] { 0, 1 }));
                var y = table.narrow(1, 2, 1) / 5000;
        """ + Loop("features", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task OneHotColumnsBesideStandardizedOnesAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Measurements + """
                var purpose = torch.tensor(File.ReadAllLines("purpose.txt").Select(long.Parse).ToArray());
                var features = torch.cat(new[] { scaledSensors, nn.functional.one_hot(purpose, 3).to(ScalarType.Float32) }, 1);
        """ + Loop("features", model: "nn.Linear(6, 1)")));

    private const string SizeAndShare = """
                var size = torch.rand(200, 1) * 4500 + 500;
                var share = torch.rand(200, 1);
                var table = torch.cat(new[] { size, share }, 1);
                var y = torch.rand(200, 1);
        """;

    [Fact]
    public Task DividingByPerColumnConstantsThatScaleEachColumnIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(SizeAndShare + """
                var features = table / torch.tensor(new[] { 5000f, 1f });
        """ + Loop("features", model: "nn.Linear(2, 1)")));

    [Fact]
    public Task PerColumnConstantsThatLeaveAColumnLargeAreReported() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(SizeAndShare + """
                var features = table / torch.tensor(new[] { 2f, 1f });
        """ + Loop("{|#0:features|}", model: "nn.Linear(2, 1)")),
        expected: Scale001().WithArguments("features", "[0, 2500]", "model.forward", "values up to about 2500 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task PerColumnConstantsWithNoColumnsToAlignAreNoBound() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var table = torch.rand(200, 2) * 4500 + 500;
                var features = (table.reshape(-1).reshape(200, -1) - torch.tensor(new[] { 2500f, 3000f })) / torch.tensor(new[] { 1300f, 1200f });
                var y = torch.rand(200, 1);
        """ + Loop("features", model: "nn.Linear(2, 1)")));
}
