using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

var mlContext = new MLContext(seed: 0);
var data = mlContext.Data.LoadFromEnumerable(SalesData.Generate(500));

var pipeline = mlContext.Transforms.Concatenate("Features", nameof(StoreWeek.FloorArea), nameof(StoreWeek.Footfall), nameof(StoreWeek.PromoShare))
    .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(StoreWeek.Revenue))); // SCALE002 expected

var model = pipeline.Fit(data);
var metrics = mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(StoreWeek.Revenue));
Console.WriteLine($"R2: {metrics.RSquared:0.###}");

public record StoreWeek
{
    public float FloorArea { get; init; }
    public float Footfall { get; init; }
    public float PromoShare { get; init; }
    public float Revenue { get; init; }
}

public static class SalesData
{
    public static IEnumerable<StoreWeek> Generate(int count)
    {
        var random = new Random(17);
        return Enumerable.Range(0, count).Select(_ =>
        {
            float area = random.Next(200, 2500);
            float footfall = random.Next(1000, 20000);
            float promo = (float)random.NextDouble();
            return new StoreWeek { FloorArea = area, Footfall = footfall, PromoShare = promo, Revenue = 12 * area + 3 * footfall + 5000 * promo };
        }).ToList();
    }
}
