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

            IEstimator<ITransformer> dataProcess = mlContext.Transforms.Concatenate("Features", nameof(Apartment.Area), nameof(Apartment.Floor), nameof(Apartment.DistanceKm))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));

            var trainers = new Dictionary<string, IEstimator<ITransformer>>();
            trainers.Add("SDCA", mlContext.Regression.Trainers.Sdca());
            trainers.Add("OnlineGradientDescent", mlContext.Regression.Trainers.OnlineGradientDescent(numberOfIterations: 30));
            trainers.Add("LightGbm", mlContext.Regression.Trainers.LightGbm());

            string bestName = null;
            double bestR2 = double.MinValue;
            foreach (var (name, trainer) in trainers)
            {
                var model = dataProcess.Append(trainer).Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                if (metrics.RSquared > bestR2)
                {
                    bestR2 = metrics.RSquared;
                    bestName = name;
                }
            }
            Console.WriteLine($"Best: {bestName} ({bestR2:F3})");
        }
    }
}
