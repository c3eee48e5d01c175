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

    public class PricePrediction
    {
        [ColumnName("Score")] public float Price { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Apartment>("Data/apartments.csv", hasHeader: true, separatorChar: ',');

            var numericColumns = new[]
            {
                new InputOutputColumnPair("SquareMetersLog", nameof(Apartment.SquareMeters)),
                new InputOutputColumnPair("AgeYearsLog", nameof(Apartment.AgeYears)),
                new InputOutputColumnPair("DistanceLog", nameof(Apartment.DistanceToCenterKm)),
            };

            var pipeline = mlContext.Transforms.NormalizeLogMeanVariance(numericColumns, fixZero: true)
                .Append(mlContext.Transforms.Concatenate("Features", "SquareMetersLog", "AgeYearsLog", "DistanceLog"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Apartment.Price)));

            var crossValidation = mlContext.Regression.CrossValidate(data, pipeline, numberOfFolds: 4, labelColumnName: nameof(Apartment.Price));
            foreach (var fold in crossValidation)
                Console.WriteLine($"Fold R2: {fold.Metrics.RSquared:0.###}");

            var model = pipeline.Fit(data);
            var engine = mlContext.Model.CreatePredictionEngine<Apartment, PricePrediction>(model);
            Console.WriteLine(engine.Predict(new Apartment { SquareMeters = 70, AgeYears = 10, DistanceToCenterKm = 5 }).Price);
        }
    }
}
