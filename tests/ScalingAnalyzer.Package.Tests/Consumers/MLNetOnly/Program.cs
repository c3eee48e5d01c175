// An ML.NET application and nothing else: it adds the package ScalingAnalyzer for SCALE002 and must get no
// TorchSharp assembly with it. Sdca on raw house sizes (500..5000 sq ft) is reported; the normalized pipeline is not.
using System;
using System.Linq;
using Microsoft.ML;

namespace MLNetOnly;

public sealed class House
{
    public float Size { get; set; }
    public float Price { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var mlContext = new MLContext(seed: 7);
        var houses = Enumerable.Range(0, 50).Select(i => new House { Size = 500 + 90 * i, Price = 100 * (500 + 90 * i) + 20_000 });
        var data = mlContext.Data.LoadFromEnumerable(houses);

        var raw = mlContext.Transforms.Concatenate("Features", nameof(House.Size))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price), featureColumnName: "Features")); // expect SCALE002 at "mlContext.Regression.Trainers.Sdca"
        var normalized = mlContext.Transforms.Concatenate("Features", nameof(House.Size))
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price), featureColumnName: "Features"));
        Console.WriteLine($"{raw.Fit(data)} {normalized.Fit(data)}");
    }
}
