using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>Code being typed: the analyzers never throw, and report only what they can still prove.</summary>
public class HalfTypedCodeTests
{
    private static Task NoCrash<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        => Verify<TAnalyzer>.AnalyzerIgnoringCompilerErrorsAsync(source, expected: expected);

    [Theory]
    [InlineData("var x = torch.rand(100, 1) * 4500 + ;")]
    [InlineData("var x = torch.rand(100, 1) * undefinedScale;")]
    [InlineData("var x = torch.nonexistent(100, 1);")]
    [InlineData("var x = ;")]
    [InlineData("Tensor x = new Tensor();")]
    [InlineData("var x = torch.tensor(new float[,] { { 1f, 2f }, { 3f } });")]
    [InlineData("var x = torch.cat(new[] { torch.rand(3, 1), }, );")]
    [InlineData("var (a, b) = torch.rand(3, 1).aminmax(null, false); var x = (torch.rand(3, 1) - a) / ;")]
    public Task BrokenFeatureDefinitions(string definition) => NoCrash<UnscaledFeatureAnalyzer>(ProgramWithMain($$"""
                {{definition}}
                var y = torch.rand(100, 1);
        """ + Loop("x")));

    [Theory]
    [InlineData("var optimizer = torch.optim.Adamm(model.parameters());")]
    [InlineData("var optimizer = torch.optim.Adam(model.parameters(), lr: );")]
    [InlineData("var optimizer = ;")]
    [InlineData("Optimizer optimizer = null;")]
    public Task BrokenOptimizers(string optimizer) => NoCrash<UnreachableTargetAnalyzer>(ProgramWithMain($$"""
                var x = torch.rand(100, 1);
                var y = x * 450000;
                var model = nn.Linear(1, 1);
                {{optimizer}}
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward(x), y);
                    loss.backward();
                    optimizer.step();
                }
        """));

    [Theory]
    [InlineData("var prediction = model.forward(x")]
    [InlineData("var prediction = model.forward();")]
    [InlineData("var prediction = model.forward(x, x, x);")]
    [InlineData("var prediction = undefinedModel.forward(x);")]
    [InlineData("var prediction = model.forward(x).; ")]
    public Task BrokenTrainingLoops(string forward) => NoCrash<UnscaledFeatureAnalyzer>(ProgramWithMain($$"""
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < ; epoch++)
                {
                    {{forward}}
                    var loss = nn.functional.mse_loss(prediction, y);
                    loss.backward();
                    optimizer.step();
                }
        """));

    [Fact]
    public Task UnrelatedErrorsDoNotHideAProvenWarning() => NoCrash<UnscaledFeatureAnalyzer>(
        ProgramWithMain("""
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = torch.rand(100, 1);
                var unrelated = Undefined.Call(;
        """ + Loop("{|#0:x|}")),
        Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[500, 5000]", "model.forward", "values up to about 5000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task BrokenHelperCalls() => NoCrash<UnscaledFeatureAnalyzer>(ProgramWithMain("""
                var x = torch.rand(100, 1) * 4500 + 500;
                Train(x, );
                Train();
                Missing(x);
        """, """
            static void Train(Tensor features, Tensor targets)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (;;)
                {
                    nn.functional.mse_loss(model.forward(features), targets).backward();
                    optimizer.step(
                }
            }
        """));
}
