using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>One level of helper method: the loop lives in a method that receives the data; the caller's argument is reported.</summary>
public class HelperMethodTests
{
    private const string Train = """
            static void Train(Tensor features, Tensor targets, int epochs)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
                for (int epoch = 0; epoch < 300; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(features), targets);
                    loss.backward();
                    optimizer.step();
                }
            }
        """;

    private const string Data = """
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000;
        """;

    [Fact]
    public Task FeatureIsReportedAtTheCallersArgument() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Train({|#0:x|}, y, 10);", Train),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[500, 5000]", "model.forward in Train", "values up to about 5000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task TargetIsReportedAtTheCallersArgument() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Train(x, {|#0:y|}, 10);", Train),
        expected: Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(0).WithArguments("y", "5.2e5", "300", "0.001", "0.3"));

    [Fact]
    public Task NamedArgumentsMapToTheirParameters() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        var xs = (x - x.mean()) / x.std();\n        Train(targets: {|#0:y|}, epochs: 3, features: xs);", Train),
        expected: Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(0).WithArguments("y", "5.2e5", "300", "0.001", "0.3"));

    [Fact]
    public Task ScaledArgumentsAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Train((x - x.mean()) / x.std(), y, 10);", Train));

    [Fact]
    public Task HelperThatScalesItsParameterIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, y);", """
            static void Fit(Tensor features, Tensor targets)
            {
                var scaled = (features - features.min()) / (features.max() - features.min());
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward(scaled), targets);
                    loss.backward();
                    optimizer.step();
                }
            }
        """));

    [Fact]
    public Task HelperThatOnlyPredictsIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Predict(x);", """
            static Tensor Predict(Tensor features)
            {
                var model = nn.Linear(1, 1);
                using (torch.no_grad())
                    return model.forward(features);
            }
        """));

    [Fact]
    public Task OnlyOneLevelIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Outer(x, y);", Train + """
            static void Outer(Tensor a, Tensor b) => Train(a, b, 1);
        """));

    /// <summary>A helper whose learning rate and epoch count come from its caller.</summary>
    private static string Fit(string optimizer = "torch.optim.Adam(model.parameters(), lr: lr)", string epochsParameter = "int epochs") => $$"""
            static void Fit(Tensor features, Tensor targets, double lr, {{epochsParameter}})
            {
                var model = nn.Linear(1, 1);
                var optimizer = {{optimizer}};
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(features), targets);
                    loss.backward();
                    optimizer.step();
                }
            }
        """;

    private static DiagnosticResult Scale003(int location = 0) => Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(location);

    [Fact]
    public Task CallersConstantLearningRateAndEpochsAreBound() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, {|#0:y|}, 1e-3, 200);", Fit()),
        expected: Scale003().WithArguments("y", "5.2e5", "200", "0.001", "0.2"));

    [Fact]
    public Task EachCallIsBoundWithItsOwnConstants() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        const double slow = 0.01;\n        Fit(x, {|#0:y|}, 1e-3, 200);\n        Fit(x, {|#1:y|}, slow, 50);", Fit()),
        expected: [Scale003(0).WithArguments("y", "5.2e5", "200", "0.001", "0.2"), Scale003(1).WithArguments("y", "5.2e5", "50", "0.01", "0.5")]);

    [Fact]
    public Task LargeLearningRateTimesStepsThroughTheHelperIsSilent() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, y, 10.0, 10000);", Fit()));

    [Fact]
    public Task NonConstantEpochsFallBackToTheAssumedStepCount() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, {|#0:y|}, 1e-3, int.Parse(Console.ReadLine()!));", Fit()),
        expected: Scale003().WithArguments("y", "5.2e5", "at most 100000", "0.001", "100"));

    [Fact]
    public Task EpochsThatVaryBetweenRunsOfTheCallAreNotConstant() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        for (int run = 1; run <= 3; run++)\n            Fit(x, {|#0:y|}, 1e-3, run * 100);", Fit()),
        expected: Scale003().WithArguments("y", "5.2e5", "at most 100000", "0.001", "100"));

    [Fact]
    public Task NonConstantLearningRateIsSilent() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, y, double.Parse(Console.ReadLine()!), 200);", Fit()));

    [Fact]
    public Task DefaultedEpochsAreBound() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, {|#0:y|}, 0.002);", Fit(epochsParameter: "int epochs = 300")),
        expected: Scale003().WithArguments("y", "5.2e5", "300", "0.002", "0.6"));

    [Fact]
    public Task SGDThroughTheHelperIsSilent() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, y, 1e-3, 200);", Fit(optimizer: "torch.optim.SGD(model.parameters(), lr)")));

    [Fact]
    public Task BatchSizeFromTheCallerCountsMiniBatchesThroughLocals() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        FitInBatches(x, {|#0:y|}, 200, 32);", """
            static void FitInBatches(Tensor features, Tensor targets, int epochs, int batchSize)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters());
                var step = batchSize;
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    for (long start = 0; start < 100; start += step)
                    {
                        var length = Math.Min(step, 100 - start);
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.forward(features.narrow(0, start, length)), targets.narrow(0, start, length));
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
        """),
        expected: Scale003().WithArguments("y", "5.2e5", "800", "0.001", "0.8"));

    [Fact]
    public Task ParameterRescaledInsideTheHelperUsesItsNewValue() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(Data + "        Fit(x, {|#0:y|}, 1e-4, 200);", Fit().Replace("var model = nn.Linear(1, 1);", "lr = lr * 10;\n            var model = nn.Linear(1, 1);")),
        expected: Scale003().WithArguments("y", "5.2e5", "200", "0.001", "0.2"));

    [Theory]
    [InlineData("Fit(x, y, 1e-3, );")]
    [InlineData("Fit(x, y, );")]
    [InlineData("Fit(x, y, 1e-3, 200, 5);")]
    [InlineData("Fit(x, y, \"fast\", 200);")]
    public Task HalfTypedCallsOfTheHelperNeverThrow(string call) => Verify<UnreachableTargetAnalyzer>.AnalyzerIgnoringCompilerErrorsAsync(
        ProgramWithMain(Data + "        " + call, Fit()));
}
