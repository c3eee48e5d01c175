using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.CodeFixes.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// Fix All through the testing library, which applies it in document, project and solution scope and compares
/// each with the expected batch result.
/// </summary>
public class FixAllTests
{
    private const string BoundedZ = "torch.rand(100, 1) * 100 - 300";

    /// <summary>Run-time data: SCALE004, fixed by the same equivalence keys as SCALE001.</summary>
    private const string ParsedZ = "torch.tensor(System.IO.File.ReadAllLines(\"z.csv\").Select(float.Parse).ToArray()).reshape(-1, 1)";

    private static string TwoModels(string first, string second, string? between = null, string z = BoundedZ) => $$"""
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var z = {{z}};
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var other = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());{{between}}
                for (int epoch = 0; epoch < 1000; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward({{first}}), y) + nn.functional.mse_loss(other.forward({{second}}), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public Task TwoVariablesInOneLoopShareOneUsing() => ScalingFixTest.RunAsync(
        TwoModels("{|SCALE001:x|}", "{|SCALE001:z|}"),
        WithRuntimeUsing(TwoModels(
            "xScaled",
            "zScaled",
            """

                    var xScaler = MinMaxScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
                    var zScaler = MinMaxScaler.Fit(z);
                    var zScaled = zScaler.Transform(z);
            """)),
        UnscaledFeatureFixer.MinMaxScaleEquivalenceKey);

    /// <summary>
    /// One at a time, the second fix sees the first one's names and picks xScaler2; Fix All writes one scaler
    /// for both calls, since they train on the same variable from the same place.
    /// </summary>
    [Fact]
    public Task OneVariableTwiceInOneLoopGetsOneScalerWithFixAll() => ScalingFixTest.RunAsync(
        TwoModels("{|SCALE001:x|}", "{|SCALE001:x|}"),
        WithRuntimeUsing(TwoModels(
            "xScaled",
            "xScaled2",
            """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
                    var xScaler2 = StandardScaler.Fit(x);
                    var xScaled2 = xScaler2.Transform(x);
            """)),
        UnscaledFeatureFixer.StandardizeEquivalenceKey,
        batchFixedSource: WithRuntimeUsing(TwoModels(
            "xScaled",
            "xScaled",
            """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
            """)));

    [Fact]
    public async Task AcrossDocumentsOfAProjectAndASolution()
    {
        const string scaledBoth = """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
                    var zScaler = StandardScaler.Fit(z);
                    var zScaled = zScaler.Transform(z);
            """;
        var test = new ScalingFixTest(ScalingFixTest.RealAnalyzers())
        {
            CodeActionEquivalenceKey = UnscaledFeatureFixer.StandardizeEquivalenceKey,
        };
        test.TestState.Sources.Add(("First.cs", TwoModels("{|SCALE001:x|}", "{|SCALE001:z|}")));
        test.TestState.Sources.Add(("Second.cs", TwoModels("{|SCALE001:x|}", "{|SCALE004:z|}", z: ParsedZ).Replace("class Trainer", "class OtherTrainer")));
        test.FixedState.Sources.Add(("First.cs", WithRuntimeUsing(TwoModels("xScaled", "zScaled", scaledBoth))));
        test.FixedState.Sources.Add(("Second.cs", WithRuntimeUsing(TwoModels("xScaled", "zScaled", scaledBoth, ParsedZ)).Replace("class Trainer", "class OtherTrainer")));
        await test.RunAsync();
    }

    private static string WithRuntimeUsing(string source) => source.Replace("using System.Linq;\n", "using System.Linq;\nusing ScalingAnalyzer.Runtime;\n");
}
