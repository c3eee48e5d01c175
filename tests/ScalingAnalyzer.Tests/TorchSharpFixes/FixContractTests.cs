namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// The fixes against diagnostic properties the real analyzer does not produce today (written by the test-only
/// <see cref="ContractDiagnosticAnalyzer"/>): if the contract drifts, no fix may be offered rather than a wrong edit.
/// </summary>
public class FixContractTests
{
    private static Task NoFixAsync(string source) => ScalingFixTest.RunAsync(source, source, fixAllIterations: 0, analyzer: new ContractDiagnosticAnalyzer());

    private static string Training(string argument, string inLoop = "") => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static void Train(Tensor x, Tensor y)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
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
    public Task VariableReassignedInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", inLoop: "x = x + torch.randn(1);"));

    /// <summary>The analyzer is silent on this loop today; should it report, the fix must still refuse.</summary>
    [Fact]
    public Task VariableChangedInPlaceInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop*/{|SCALE001:x|}", inLoop: "x.add_(torch.randn(1));"));

    [Fact]
    public Task VariableDeclaredInsideTheLoop() => NoFixAsync(Training("/*SCALE001 Variable=batch InsertBefore=loop*/{|SCALE001:batch|}", inLoop: "var batch = x * 1;"));

    [Fact]
    public Task InsertBeforeNamesNoStatementAroundTheArgument() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=0*/{|SCALE001:x|}"));

    [Fact]
    public Task InsertBeforeIsNotANumber() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=start*/{|SCALE001:x|}"));

    [Fact]
    public Task RoleContradictsTheRule() => NoFixAsync(Training("/*SCALE001 Variable=x InsertBefore=loop Role=Target*/{|SCALE001:x|}"));

    [Fact]
    public Task VariableIsNotATypeTheScalersFit() => NoFixAsync("""
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
