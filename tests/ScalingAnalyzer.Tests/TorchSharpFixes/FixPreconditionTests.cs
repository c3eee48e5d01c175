namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// Diagnostics the fixes must leave alone, because a scaled copy made before the training statement would not be
/// what the program trains on, or because the analyzer gave no usable place or variable. No fix is offered: the
/// fixed state equals the test state and keeps the diagnostic.
/// </summary>
public class FixPreconditionTests
{
    private static Task NoFixAsync(string source) => ScalingFixTest.RunAsync(source, source, fixAllIterations: 0);

    private static string Training(string argument, string beforeLoop = "", string inLoop = "") => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor y)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                {{beforeLoop}}
                for (int epoch = 0; epoch < 200; epoch++)
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

    [Fact]
    public Task NoVariableProperty() => NoFixAsync(Training("/*SCALE001 InsertBefore=loop*/{|SCALE001:x * 2|}"));

    [Fact]
    public Task VariableReassignedInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", inLoop: "x = x + torch.randn(1);"));

    [Fact]
    public Task VariableChangedInPlaceInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", inLoop: "x.add_(torch.randn(1));"));

    [Fact]
    public Task VariableStoredIntoInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", inLoop: "x[0] = torch.tensor(1f);"));

    [Fact]
    public Task VariableDeclaredInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=batch InsertBefore=loop*/{|SCALE001:batch|}", inLoop: "var batch = x * 1;"));

    [Fact]
    public Task InsertBeforeNamesNoStatementAroundTheArgument() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=0*/{|SCALE001:x|}"));

    [Fact]
    public Task InsertBeforeIsNotANumber() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=start*/{|SCALE001:x|}"));

    [Fact]
    public Task RoleContradictsTheRule() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop Role=Target*/{|SCALE001:x|}"));

    [Fact]
    public Task VariableIsNotATensorTheScalersFit() => NoFixAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(List<float> values, Tensor y)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward(/*SCALE004 Variable=values InsertBefore=loop*/{|SCALE004:torch.tensor(values)|}), y);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """);
}
