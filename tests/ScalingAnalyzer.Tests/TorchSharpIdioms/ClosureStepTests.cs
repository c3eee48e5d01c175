using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// optimizer.step(closure), as LBFGS needs and the TorchSharp tests write it: the closure's forward, loss and
/// backward are the training step, whether the closure is a lambda in the call, a lambda in a variable or a local function.
/// </summary>
public class ClosureStepTests
{
    private static DiagnosticResult Scale001() => Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0);

    private const string Message = "values up to about 5000 make gradient steps overshoot or barely move its weights";

    private static string Program(string prepare, string step) => $$"""
        using System;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        class CurveFit
        {
            static void Main()
            {
        {{prepare}}
                var model = Linear(1, 1);
                var criterion = MSELoss();
                var optimizer = torch.optim.LBFGS(model.parameters(), lr: 1);
                for (int i = 0; i < 50; i++)
                {
        {{step}}
                }
            }
        }
        """;

    private const string Raw = """
                var x = torch.rand(200, 1) * 4500 + 500;
                var y = x * 0.002 + torch.randn(200, 1) * 0.01;
        """;

    private static string LambdaInTheCall(string feature) => $$"""
                    optimizer.step(() =>
                    {
                        optimizer.zero_grad();
                        var loss = criterion.forward(model.forward({{feature}}), y);
                        loss.backward();
                        return loss;
                    });
        """;

    [Fact]
    public Task ALambdaInTheStepCallIsTraining() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Raw, LambdaInTheCall("{|#0:x|}")),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task ALambdaInAVariableIsTraining() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Raw, """
                    Func<Tensor> closure = () =>
                    {
                        optimizer.zero_grad();
                        var output = model.forward({|#0:x|});
                        var loss = criterion.forward(output, y);
                        loss.backward();
                        return loss;
                    };
                    optimizer.step(closure);
        """),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task ALocalFunctionIsTraining() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Raw, """
                    Tensor Closure()
                    {
                        optimizer.zero_grad();
                        var loss = criterion.forward(model.forward({|#0:x|}), y);
                        loss.backward();
                        return loss;
                    }
                    optimizer.step(Closure);
        """),
        expected: Scale001().WithArguments("x", "[500, 5000]", "model.forward", Message));

    [Fact]
    public Task ScaledDataInTheClosureIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program("""
                var raw = torch.rand(200, 1) * 4500 + 500;
                var x = (raw - raw.mean()) / raw.std();
                var y = torch.rand(200, 1);
        """, LambdaInTheCall("x")));

    [Fact]
    public Task AClosureWithoutBackwardIsNotTraining() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Raw, """
                    optimizer.step(() => criterion.forward(model.forward(x), y));
        """));

    [Fact]
    public Task AClosureUnderNoGradIsNotTraining() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Program(Raw, """
                    using (torch.no_grad())
                    {
        """ + LambdaInTheCall("x") + """
                    }
        """));
}
