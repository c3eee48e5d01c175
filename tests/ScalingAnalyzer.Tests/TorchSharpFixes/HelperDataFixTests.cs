namespace ScalingAnalyzer.Tests.TorchSharpFixes;

/// <summary>
/// Fixes where the reported data comes out of a helper (ProgramSummaries): the scaling step goes where the helper's
/// value arrives in the caller, before the training loop, and the result compiles.
/// </summary>
public class HelperDataFixTests
{
    private static string LoaderProgram(string feature, string scalingSteps = "", string usings = "") => $$"""
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            static (Tensor, Tensor) LoadData()
            {
                var features = torch.rand(200, 1) * 4500 + 500;
                return (features, (features - 500) / 4500);
            }

            static void Train()
            {
                var (x, y) = LoadData();
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);{{scalingSteps}}
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    var loss = nn.functional.mse_loss(model.forward({{feature}}), y);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public Task DataFromALoaderIsScaledWhereItArrivesInTheCaller() => ScalingFixTest.RunAsync(
        LoaderProgram("{|SCALE001:x|}"),
        LoaderProgram("xScaled", """

                var xScaler = StandardScaler.Fit(x);
                var xScaled = xScaler.Transform(x);
        """, "using ScalingAnalyzer.Runtime;\n"));
}
