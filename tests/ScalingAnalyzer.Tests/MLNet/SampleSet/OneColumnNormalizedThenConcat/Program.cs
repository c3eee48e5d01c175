using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ApartmentPrices
{
    public class Apartment
    {
        [LoadColumn(0)] public float SquareMeters { get; set; }
        [LoadColumn(1)] public float AgeYears { get; set; }
        [LoadColumn(2)] public float DistanceToCenterKm { get; set; }
        [LoadColumn(3)] public float Price { get; set; }
    }

    internal static class Program
    {
        private const string DataPath = "Data/apartments.csv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Apartment>(DataPath, hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            // Only the size gets a normalizer; age and distance go into the features as they are.
            var pipeline = mlContext.Transforms.NormalizeMinMax(nameof(Apartment.SquareMeters))
                .Append(mlContext.Transforms.Concatenate("Features",
                    nameof(Apartment.SquareMeters), nameof(Apartment.AgeYears), nameof(Apartment.DistanceToCenterKm)))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(Apartment.Price))); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Apartment.Price));
            Console.WriteLine($"RMSE: {metrics.RootMeanSquaredError:0.##}");
        }
    }
}
