// The seed's example in ML.NET: OnlineGradientDescent on raw house sizes. Unfixed, ML.NET throws "The weights/bias
// contain invalid values (NaN or Infinite)"; with the SCALE002 fix (NormalizeMeanVariance before the trainer) it
// trains to about the least-squares error.
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using ScalingAnalyzer.Runtime;

namespace Consumer;

public sealed class House
{
    public float Size { get; set; }
    public float Price { get; set; }
}

public static class HousePriceRegression
{
    public static IReadOnlyList<House> Houses()
    {
        var random = new Random(42);
        var houses = new List<House>();
        for (var i = 0; i < 100; i++)
        {
            var size = 500f + 4500f * i / 99f;
            // Box-Muller: normal noise with a standard deviation of $10,000.
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 10_000;
            houses.Add(new House { Size = size, Price = (float)(100 * size + 20_000 + noise) });
        }
        return houses;
    }

    public static void Run()
    {
        var houses = Houses();
        var mlContext = new MLContext(seed: 42);
        var data = mlContext.Data.LoadFromEnumerable(houses);
        // 1000 passes over the 100 houses: OGD's step shrinks as it goes, and it needs them to settle.
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size))
            .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(House.Price), featureColumnName: "Features", numberOfIterations: 1000)); // expect SCALE002 at "mlContext.Regression.Trainers.OnlineGradientDescent"
        var model = pipeline.Fit(data);
        var metrics = mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(House.Price));

        var reference = LeastSquares.Fit(houses.Select(h => (double)h.Size).ToArray(), houses.Select(h => (double)h.Price).ToArray());
        var referenceRmse = Math.Sqrt(houses.Average(h => Math.Pow(h.Price - reference.Predict(new[] { (double)h.Size }), 2)));
        Console.WriteLine($"mlnet-rmse {metrics.RootMeanSquaredError:R}");
        Console.WriteLine($"least-squares-rmse {referenceRmse:R}");
    }
}
