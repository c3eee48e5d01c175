namespace ScalingAnalyzer.Tests.Leakage;

/// <summary>The training and evaluation code around the SCALE006 cases, written as TorchSharpExamples writes it.</summary>
internal static class LeakagePrograms
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using ScalingAnalyzer.Runtime;
        using TorchSharp;
        using static TorchSharp.torch;

        """;

    /// <summary>A program whose Main runs <paramref name="body"/>, with <paramref name="members"/> beside it.</summary>
    public static string LeakProgram(string body, string members = "") => Usings + $$"""
        class Program
        {
            static void Main()
            {
        {{body}}
            }
        {{members}}
        }
        """;

    /// <summary>Full-batch training of <c>model</c> on <paramref name="features"/>.</summary>
    public static string Train(string features, string target) => $$"""
                var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1));
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
                var lossFunction = nn.MSELoss();
                for (int epoch = 0; epoch < 200; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = lossFunction.forward(model.forward({{features}}), {{target}});
                    loss.backward();
                    optimizer.step();
                }
        """;

    /// <summary>The held-out score: a forward under no_grad and an MSE printed.</summary>
    public static string Evaluate(string features, string target) => $$"""
                model.eval();
                using (torch.no_grad())
                {
                    var testLoss = lossFunction.forward(model.forward({{features}}), {{target}});
                    Console.WriteLine($"test MSE {testLoss.item<float>()}");
                }
        """;

    public const string Load = """
                var data = torch.from_file("houses.bin", size: 4000).reshape(1000, 4);
                var y = torch.from_file("prices.bin", size: 1000).reshape(1000, 1);

        """;
}
