using Microsoft.CodeAnalysis.Testing;
using ScalingAnalyzer.Rules;
using ScalingAnalyzer.Tests.Verifiers;
using static ScalingAnalyzer.Tests.TorchSharp.TorchPrograms;

namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>SCALE003: regression targets beyond what an adaptive optimizer travels in the training run.</summary>
public class UnreachableTargetTests
{
    private static DiagnosticResult Scale003(int location = 0) => Verify<UnreachableTargetAnalyzer>.Diagnostic("SCALE003").WithLocation(location);

    private static Task Reports(string source, params DiagnosticResult[] expected) => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(source, expected: expected);

    private static Task Silent(string source) => Verify<UnreachableTargetAnalyzer>.AnalyzerAsync(source);

    /// <summary>Feature already scaled, so only the target is in question.</summary>
    private const string Prices = """
                var x = torch.rand(100, 1);
                var y = x * 450000 + 70000;
        """;

    /// <summary>
    /// TorchSharp's README program (found by the real-world sweep): a standard-normal target and 10 Adam steps. Out of
    /// reach only because the run is short; standardizing would not change it, so it is not a scale problem.
    /// </summary>
    [Theory]
    [InlineData("torch.randn(64, 10)", 10)]
    [InlineData("torch.rand(32, 1)", 50)]
    [InlineData("torch.rand(32, 1) * 9", 50)]
    public Task ATargetNearUnitScaleIsSilentHoweverShortTheRun(string target, int epochs) => Silent(
        ProgramWithMain($"        var x = torch.randn(64, 1);\n        var y = {target};\n" + Loop("x", "y", optimizer: "torch.optim.Adam(model.parameters())", epochs: epochs)));

    [Fact]
    public Task ATargetJustAboveTheMagnitudeThresholdIsReported() => Reports(
        ProgramWithMain("        var x = torch.randn(64, 1);\n        var y = torch.rand(32, 1) * 20;\n" + Loop("x", "{|#0:y|}", optimizer: "torch.optim.Adam(model.parameters())", epochs: 50)),
        Scale003().WithArguments("y", "20", "50", "0.001", "0.05"));

    [Fact]
    public Task AdamDefaultLearningRateIsUsed() => Reports(
        ProgramWithMain(Prices + Loop("x", "{|#0:y|}", optimizer: "torch.optim.Adam(model.parameters())")),
        Scale003().WithArguments("y", "5.2e5", "100", "0.001", "0.1"));

    [Fact]
    public Task RMSPropDefaultLearningRateWithHuberLoss() => Reports(
        ProgramWithMain(Prices + Loop("x", "{|#0:y|}", optimizer: "torch.optim.RMSProp(model.parameters())", loss: "nn.HuberLoss()")),
        Scale003().WithArguments("y", "5.2e5", "100", "0.01", "1"));

    [Fact]
    public Task LearningRateFromALocalConstant() => Reports(
        ProgramWithMain(Prices + "        var learningRate = 0.05;\n" + Loop("x", "{|#0:y|}", optimizer: "torch.optim.AdamW(model.parameters(), learningRate)", epochs: 1000)),
        Scale003().WithArguments("y", "5.2e5", "1000", "0.05", "50"));

    [Fact]
    public Task FunctionalLossTargetIsReported() => Reports(
        ProgramWithMain(Prices + """
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adagrad(model.parameters(), lr: 0.1);
                for (int epoch = 0; epoch < 50; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.l1_loss(model.forward(x), {|#0:y|});
                    loss.backward();
                    optimizer.step();
                }
        """),
        Scale003().WithArguments("y", "5.2e5", "50", "0.1", "5"));

    [Fact]
    public Task UnknownTripCountAssumesAHundredThousandSteps() => Reports(
        ProgramWithMain(Prices + """
                var model = nn.Linear(1, 1);
                var lossFunction = nn.SmoothL1Loss();
                var optimizer = torch.optim.Adam(model.parameters());
                var epoch = 0;
                while (epoch < int.Parse(Console.ReadLine()!))
                {
                    optimizer.zero_grad();
                    var loss = lossFunction.call(model.call(x), {|#0:y|});
                    loss.backward();
                    optimizer.step();
                    epoch++;
                }
        """),
        Scale003().WithArguments("y", "5.2e5", "at most 100000", "0.001", "100"));

    [Fact]
    public Task PlainSGDNeverTriggers() => Silent(ProgramWithMain(Prices + Loop("x", "y", optimizer: "torch.optim.SGD(model.parameters(), 0.01)")));

    [Fact]
    public Task ReachableTargetIsSilent() => Silent(ProgramWithMain("""
                var x = torch.rand(100, 1);
                var y = x * 4 + 1;
        """ + Loop("x", "y", optimizer: "torch.optim.Adam(model.parameters(), lr: 0.01)")));

    [Fact]
    public Task ClassIndexTargetsNeverCount() => Silent(ProgramWithMain("""
                var x = torch.rand(100, 4);
                var y = torch.randint(0, 1000, new long[] { 100 });
        """ + Loop("x", "y", model: "nn.Linear(4, 1000)", loss: "nn.CrossEntropyLoss()")));

    [Fact]
    public Task StandardizedTargetIsSilent() => Silent(ProgramWithMain(Prices + "        var ys = (y - y.mean()) / y.std();\n" + Loop("x", "ys")));

    [Fact]
    public Task UnknownLearningRateIsSilent() => Silent(ProgramWithMain(Prices + Loop("x", "y", optimizer: "torch.optim.Adam(model.parameters(), double.Parse(Console.ReadLine()!))")));

    [Fact]
    public Task ValidationLossUnderNoGradIsSilent() => Silent(ProgramWithMain(Prices + "        var ys = (y - y.mean()) / y.std();\n" + Loop("x", "ys") + """
                using (torch.no_grad())
                {
                    var validation = lossFunction.forward(model.forward(x), y);
                    Console.WriteLine(validation.item<float>());
                }
        """));

    [Fact]
    public Task NestedLoopsMultiplyTheirTripCounts() => Reports(
        ProgramWithMain(Prices + """
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.NAdam(model.parameters(), lr: 0.01);
                foreach (var fold in Enumerable.Range(0, 5))
                {
                    for (int epoch = 0; epoch <= 99; epoch++)
                    {
                        for (long start = 0; start < 100; start += 10)
                        {
                            var loss = nn.functional.mse_loss(model.forward(x.narrow(0, start, 10)), {|#0:y.narrow(0, start, 10)|});
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
        """),
        Scale003().WithArguments("y.narrow(0, start, 10)", "5.2e5", "5000", "0.01", "50"));

    [Fact]
    public Task MiniBatchesCountedFromTheTensorsRows() => Reports(
        ProgramWithMain(Prices + """
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.RAdam(model.parameters());
                for (int epoch = 0; epoch < 30; epoch++)
                {
                    for (long start = 0; start < x.shape[0]; start += 25)
                    {
                        var batch = x.narrow(0, start, 25);
                        var loss = nn.functional.huber_loss(model.forward(batch), {|#0:y.narrow(0, start, 25)|});
                        loss.backward();
                        optimizer.step();
                    }
                }
        """),
        Scale003().WithArguments("y.narrow(0, start, 25)", "5.2e5", "120", "0.002", "0.24"));
}
