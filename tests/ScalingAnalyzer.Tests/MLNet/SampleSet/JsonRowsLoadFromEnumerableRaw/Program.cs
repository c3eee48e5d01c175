using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Microsoft.ML;

namespace HousePrices;

public sealed class HouseListing
{
    public float SquareFeet { get; set; }
    public float LotSize { get; set; }
    public float YearBuilt { get; set; }
    public float Price { get; set; }
}

public static class Program
{
    public static void Main(string[] args)
    {
        var json = File.ReadAllText(args.Length > 0 ? args[0] : "listings.json");
        var listings = JsonSerializer.Deserialize<List<HouseListing>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? new List<HouseListing>();

        var mlContext = new MLContext();
        IDataView trainingData = mlContext.Data.LoadFromEnumerable(listings);

        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseListing.SquareFeet), nameof(HouseListing.LotSize), nameof(HouseListing.YearBuilt))
            .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(HouseListing.Price))); // SCALE002 expected

        var model = pipeline.Fit(trainingData);
        var metrics = mlContext.Regression.Evaluate(model.Transform(trainingData), labelColumnName: nameof(HouseListing.Price));
        Console.WriteLine($"RMSE: {metrics.RootMeanSquaredError:N0}");
    }
}
