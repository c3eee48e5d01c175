namespace ScalingAnalyzer.Tests.TorchSharp;

/// <summary>Builds small TorchSharp training programs for the rule tests.</summary>
internal static class TorchPrograms
{
    /// <summary>SCALE001's message tail for data up to about 5000 (torch.rand(n, 1) * 4500 + 500).</summary>
    public const string Magnitude5000 = "values up to about 5000 make gradient steps overshoot or barely move its weights";

    /// <summary>A program whose Main runs <paramref name="body"/>.</summary>
    public static string ProgramWithMain(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        class Program
        {
            static void Main()
            {
        {{body}}
            }
        {{members}}
        }
        """;

    /// <summary>
    /// A full-batch training loop (<paramref name="epochs"/> steps) of model on <paramref name="feature"/> and
    /// <paramref name="target"/>, with the given model, loss and optimizer expressions.
    /// </summary>
    public static string Loop(
        string feature,
        string target = "y",
        string model = "nn.Linear(1, 1)",
        string optimizer = "torch.optim.Adam(model.parameters(), lr: 1e-3)",
        string loss = "nn.MSELoss()",
        int epochs = 100) => $$"""
                var model = {{model}};
                var lossFunction = {{loss}};
                var optimizer = {{optimizer}};
                for (int epoch = 0; epoch < {{epochs}}; epoch++)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward({{feature}});
                    var loss = lossFunction.forward(prediction, {{target}});
                    loss.backward();
                    optimizer.step();
                }
        """;
}
