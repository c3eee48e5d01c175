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
    private static string TwoModels(string first, string second, string? between = null) => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor z, Tensor y)
            {
                var model = nn.Linear(1, 1);
                var other = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());{{between}}
                for (int epoch = 0; epoch < 200; epoch++)
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
        TwoModels("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", "/*SCALE001 Variable=z InsertBefore=loop*/{|SCALE001:z|}"),
        "using ScalingAnalyzer.Runtime;\n" + TwoModels(
            "/*SCALE001 Variable=x InsertBefore=loop*/xScaled",
            "/*SCALE001 Variable=z InsertBefore=loop*/zScaled",
            """

                    var xScaler = MinMaxScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
                    var zScaler = MinMaxScaler.Fit(z);
                    var zScaled = zScaler.Transform(z);
            """),
        UnscaledFeatureFixer.MinMaxScaleEquivalenceKey);

    /// <summary>
    /// One at a time, the second fix sees the first one's names and picks xScaler2; Fix All writes one scaler
    /// for both calls, since they train on the same variable from the same place.
    /// </summary>
    [Fact]
    public Task OneVariableTwiceInOneLoopGetsOneScalerWithFixAll() => ScalingFixTest.RunAsync(
        TwoModels("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", "/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}"),
        "using ScalingAnalyzer.Runtime;\n" + TwoModels(
            "/*SCALE001 Variable=x InsertBefore=loop*/xScaled",
            "/*SCALE001 Variable=x InsertBefore=loop*/xScaled2",
            """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
                    var xScaler2 = StandardScaler.Fit(x);
                    var xScaled2 = xScaler2.Transform(x);
            """),
        UnscaledFeatureFixer.StandardizeEquivalenceKey,
        batchFixedSource: "using ScalingAnalyzer.Runtime;\n" + TwoModels(
            "/*SCALE001 Variable=x InsertBefore=loop*/xScaled",
            "/*SCALE001 Variable=x InsertBefore=loop*/xScaled",
            """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
            """));

    [Fact]
    public async Task AcrossDocumentsOfAProjectAndASolution()
    {
        var first = TwoModels("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", "z");
        var second = TwoModels("x", "/*SCALE004 Variable=z InsertBefore=loop*/{|SCALE004:z|}").Replace("class Trainer", "class OtherTrainer");
        var test = new ScalingFixTest(new ContractDiagnosticAnalyzer())
        {
            CodeActionEquivalenceKey = UnscaledFeatureFixer.StandardizeEquivalenceKey,
        };
        test.TestState.Sources.Add(("First.cs", first));
        test.TestState.Sources.Add(("Second.cs", second));
        test.FixedState.Sources.Add(("First.cs", "using ScalingAnalyzer.Runtime;\n" + TwoModels(
            "/*SCALE001 Variable=x InsertBefore=loop*/xScaled", "z",
            """

                    var xScaler = StandardScaler.Fit(x);
                    var xScaled = xScaler.Transform(x);
            """)));
        test.FixedState.Sources.Add(("Second.cs", "using ScalingAnalyzer.Runtime;\n" + TwoModels(
            "x", "/*SCALE004 Variable=z InsertBefore=loop*/zScaled",
            """

                    var zScaler = StandardScaler.Fit(z);
                    var zScaled = zScaler.Transform(z);
            """).Replace("class Trainer", "class OtherTrainer")));
        await test.RunAsync();
    }
}
