using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>The examples of docs/rules/SCALE001.md, SCALE003.md and the README, with the exact messages printed there.</summary>
public class DocumentationExampleTests
{
    private const string Loop800 = """
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                for (int epoch = 0; epoch < 800; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward({|#0:x|}), {|#1:y|});
                    loss.backward();
                    optimizer.step();
                }
        """;

    private const string HousePrices = """
                var x = torch.rand(100, 1) * 4500 + 500;                 // house sizes, sq ft
                var y = 100 * x + 20000 + torch.randn(100, 1) * 10000;   // prices
        """;

    [Fact]
    public Task Scale001HousePrices() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain(HousePrices + "\n" + Loop800),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0).WithMessage(
            "'x' spans about [500, 5000] when it reaches model.forward in the training loop; values up to about 5000 make gradient steps overshoot or barely move its weights. Standardize or min-max scale it."));

    [Fact]
    public Task Scale003HousePricesFullBatch() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(HousePrices + "\n" + Loop800),
        expected: Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(1).WithMessage(
            "'y' reaches about 5.6e5; 800 steps at lr 0.001 move a parameter about 0.8. Standardize the target and un-scale predictions."));

    [Fact]
    public Task Scale003HelperWithCallersConstants() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(
        ProgramWithMain(HousePrices + "\n        Fit(x, {|#0:y|}, 1e-3, 200);", """
            static void Fit(Tensor x, Tensor y, double lr, int epochs)
            {
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: lr);
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(x), y);
                    loss.backward();
                    optimizer.step();
                }
            }
        """),
        expected: Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(0).WithMessage(
            "'y' reaches about 5.6e5; 200 steps at lr 0.001 move a parameter about 0.2. Standardize the target and un-scale predictions."));

    [Fact]
    public Task Scale001MixedColumns() => Verify<UnscaledFeatureAnalyzer>.AnalyzerAsync(
        ProgramWithMain("""
                var x = torch.cat(new[] { torch.rand(100, 1) * 0.01, torch.rand(100, 1) * 5 }, 1);
                var y = torch.rand(100, 1);
        """ + Loop800.Replace("nn.Linear(1, 1)", "nn.Linear(2, 1)").Replace("{|#1:y|}", "y")),
        expected: Verify<UnscaledFeatureAnalyzer>.Diagnostic("SCALE001").WithLocation(0).WithMessage(
            "'x' spans about [0, 5] when it reaches model.forward in the training loop; its columns differ in scale by about 500x (column 0 spans [0, 0.01], column 1 spans [0, 5]). Standardize or min-max scale it."));

    [Fact]
    public Task ReadmeAfterBothFixesIsSilent() => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(ProgramWithMain("""
                var x = torch.rand(100, 1) * 4500 + 500;
                var y = 100 * x + 20000 + torch.randn(100, 1) * 10000;
                var xScaler = ScalingAnalyzer.Runtime.StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
                var yScaler = ScalingAnalyzer.Runtime.StandardScaler.Fit(y);
                var yScaled = yScaler.Transform(y);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                for (int epoch = 0; epoch < 800; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(xScaled), yScaled);
                    loss.backward();
                    optimizer.step();
                }
                var prices = yScaler.InverseTransform(model.forward(xScaler.Transform(x)));
        """));
}
