namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// Real diagnostics the fixes must leave alone, because a scaled copy made before the training loop would not be
/// what the program trains on, or because there is no variable to scale. No fix is offered: the fixed state
/// equals the test state and keeps the diagnostic.
/// </summary>
public class FixPreconditionTests
{
    private static Task NoFixAsync(string source) => ScalingFixTest.RunAsync(source, source, fixAllIterations: 0);

    private static string Training(string argument, string inLoop = "") => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train()
            {
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 1000; epoch++)
                {
                    {{inLoop}}
                    var loss = nn.functional.mse_loss(model.forward({{argument}}), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    /// <summary>The analyzer names no variable for an expression; there is nothing to replace.</summary>
    [Fact]
    public Task ExpressionArgumentHasNoVariable() => NoFixAsync(Training("{|SCALE001:x * 2|}"));

    [Fact]
    public Task VariableStoredIntoInsideTheLoop() => NoFixAsync(Training("{|SCALE001:x|}", inLoop: "x[0] = torch.tensor(1000f);"));

    [Fact]
    public Task VariableIncrementedThroughRefInsideTheLoop() => NoFixAsync(Training("{|SCALE001:x|}", inLoop: "Shift(ref x);").Replace(
        "    static void Train()", "    static void Shift(ref Tensor t) => t = t + 1;\n\n    static void Train()"));
}
