// An application that references both libraries and never adds a ScalingAnalyzer package itself. Its own code has
// what the rules report (raw sizes into Sdca, raw sizes into training), yet it must build with no SCALE diagnostic:
// the analyzers stay with the libraries that asked for them. It runs the runtime library through RuntimeLibrary.
using System;
using System.Linq;
using Microsoft.ML;
using TorchSharp;

namespace LibraryUser;

public sealed class House
{
    public float Size { get; set; }
    public float Price { get; set; }
}

public static class Program
{
    public static void Main(string[] args)
    {
        var mlContext = new MLContext(seed: 3);
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price), featureColumnName: "Features"));
        var houses = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new House { Size = 500 + 200 * i, Price = 20_000 + 100 * (500 + 200 * i) }));
        Console.WriteLine($"{pipeline.Fit(houses)} {AnalyzerLibrary.PriceModels.OnlineRegression(mlContext, houses)}");
        if (args.Length > 0 && args[0] == "train")
        {
            var X = torch.linspace(500, 5000, 64).reshape(-1, 1);
            var model = torch.nn.Linear(1, 1);
            var optimizer = torch.optim.SGD(model.parameters(), learningRate: 1e-3);
            optimizer.zero_grad();
            torch.nn.functional.mse_loss(model.forward(X), X * 0.001).backward();
            optimizer.step();
        }
        var scaled = RuntimeLibrary.SizeModel.Standardize([500, 1000, 5000]);
        Console.WriteLine(string.Join(" ", scaled.Select(v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
