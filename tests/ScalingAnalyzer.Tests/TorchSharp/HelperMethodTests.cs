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
        Main(Data + "        Train({|#0:x|}, y, 10);", Train),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0)
            .WithArguments("x", "[500, 5000]", "model.forward in Train", "values up to about 5000 make gradient steps overshoot or barely move its weights"));

    [Fact]
    public Task TargetIsReportedAtTheCallersArgument() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        Main(Data + "        Train(x, {|#0:y|}, 10);", Train),
        expected: Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(0).WithArguments("y", "5.2e5", "300", "0.001", "0.3"));

    [Fact]
    public Task NamedArgumentsMapToTheirParameters() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        Main(Data + "        var xs = (x - x.mean()) / x.std();\n        Train(targets: {|#0:y|}, epochs: 3, features: xs);", Train),
        expected: Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(0).WithArguments("y", "5.2e5", "300", "0.001", "0.3"));

    [Fact]
    public Task ScaledArgumentsAreSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Main(Data + "        Train((x - x.mean()) / x.std(), y, 10);", Train));

    [Fact]
    public Task HelperThatScalesItsParameterIsSilent() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Main(Data + "        Fit(x, y);", """
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
        Main(Data + "        Predict(x);", """
            static Tensor Predict(Tensor features)
            {
                var model = nn.Linear(1, 1);
                using (torch.no_grad())
                    return model.forward(features);
            }
        """));

    [Fact]
    public Task OnlyOneLevelIsFollowed() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        Main(Data + "        Outer(x, y);", Train + """
            static void Outer(Tensor a, Tensor b) => Train(a, b, 1);
        """));
}
