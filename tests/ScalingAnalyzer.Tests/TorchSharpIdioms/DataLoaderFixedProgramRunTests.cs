using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScalingAnalyzer.Runtime;
using ScalingAnalyzer.Tests.TorchSharpFixes;
using TorchSharp;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Tests.TorchSharpIdioms;

/// <summary>
/// End to end on mini-batches from a DataLoader: SCALE001 at <c>batch[0]</c>, the default fix scales the tensor the
/// TensorDataset is made from, and the fixed program, compiled by Roslyn and run with real TorchSharp, trains to the
/// noise level, where the unfixed one (plain SGD on inputs up to 5000) diverges.
/// </summary>
public class DataLoaderFixedProgramRunTests(ITestOutputHelper output)
{
    private static string Program(string feature, string scalingSteps = "", string datasetFeature = "sizes", string usings = "") => $$"""
        using System;
        {{usings}}using TorchSharp;
        using static TorchSharp.torch;

        public static class HouseSizes
        {
            public static float Train()
            {
                torch.random.manual_seed(7);
                var sizes = torch.rand(1000, 1) * 4500 + 500;
                var prices = (sizes - 500) / 4500 * 2 + torch.randn(1000, 1) * 0.05;{{scalingSteps}}
                var dataset = torch.utils.data.TensorDataset({{datasetFeature}}, prices);
                var loader = torch.utils.data.DataLoader(dataset, 50, shuffle: true, seed: 7);
                var model = nn.Linear(1, 1);
                var optimizer = torch.optim.SGD(model.parameters(), 0.05);
                var lossFunction = nn.MSELoss();
                var last = 0f;
                for (int epoch = 0; epoch < 30; epoch++)
                {
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        var loss = lossFunction.forward(model.forward({{feature}}), batch[1]);
                        loss.backward();
                        optimizer.step();
                        last = loss.item<float>();
                    }
                }
                return last;
            }
        }
        """;

    private static readonly string Fixed = Program("batch[0]", """

                var sizesScaler = StandardScaler.Fit(sizes);
                var sizesScaled = sizesScaler.Transform(sizes);
        """, "sizesScaled", "using ScalingAnalyzer.Runtime;\n");

    [Fact]
    public async Task TheFixedProgramTrainsToTheNoiseLevel()
    {
        await ScalingFixTest.RunAsync(Program("{|SCALE001:batch[0]|}"), Fixed);
        var loss = CompileAndTrain(Fixed);
        output.WriteLine($"fixed: last batch loss {loss}");
        // Noise is 0.05 (variance 0.0025) around a line of unit scale: a trained model sits near it.
        Assert.True(loss < 0.02f, $"fixed program's last batch loss {loss}");
    }

    [Fact]
    public void TheUnfixedProgramDiverges()
    {
        var loss = CompileAndTrain(Program("batch[0]"));
        output.WriteLine($"unfixed: last batch loss {loss}");
        Assert.True(float.IsNaN(loss) || float.IsInfinity(loss) || loss > 1, $"unfixed program's last batch loss {loss}");
    }

    private static float CompileAndTrain(string source)
    {
        var assembly = TorchProgramCompiler.CompileAndLoad(source, "DataLoaderProgram");
        var train = assembly.GetType("HouseSizes")!.GetMethod("Train")!;
        return (float)train.Invoke(null, null)!;
    }
}
