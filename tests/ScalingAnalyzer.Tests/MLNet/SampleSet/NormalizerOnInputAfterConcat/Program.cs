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
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Apartment>("Data/apartments.csv", hasHeader: true, separatorChar: ',');

            // The normalizer comes after Concatenate and rewrites an input column, not "Features".
            var features = mlContext.Transforms.Concatenate("Features",
                nameof(Apartment.SquareMeters), nameof(Apartment.AgeYears), nameof(Apartment.DistanceToCenterKm));
            var normalize = mlContext.Transforms.NormalizeMeanVariance(nameof(Apartment.SquareMeters));
            var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Apartment.Price)); // SCALE002 expected

            var pipeline = features.Append(normalize).Append(trainer);
            var model = pipeline.Fit(data);
            Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(Apartment.Price)).RSquared);
        }
    }
}
