using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace RentPrediction
{
    public class Apartment
    {
        [LoadColumn(0)] public float Area { get; set; }
        [LoadColumn(1)] public float Floor { get; set; }
        [LoadColumn(2)] public float DistanceKm { get; set; }
        [LoadColumn(3), ColumnName("Label")] public float Rent { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromTextFile<Apartment>("Data/apartments.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var featurePipeline = mlContext.Transforms.Concatenate("Features", nameof(Apartment.Area), nameof(Apartment.Floor), nameof(Apartment.DistanceKm));

            var trainers = new Dictionary<string, IEstimator<ITransformer>>
            {
                { "SDCA", mlContext.Regression.Trainers.Sdca() }, // SCALE002 expected
                { "FastTree", mlContext.Regression.Trainers.FastTree(numberOfLeaves: 16) },
                { "Poisson", mlContext.Regression.Trainers.LbfgsPoissonRegression() }, // SCALE002 expected
            };

            foreach (var entry in trainers)
            {
                var pipeline = featurePipeline.Append(entry.Value);
                var model = pipeline.Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine($"{entry.Key}: R2 {metrics.RSquared:F3}");
            }
        }
    }
}
