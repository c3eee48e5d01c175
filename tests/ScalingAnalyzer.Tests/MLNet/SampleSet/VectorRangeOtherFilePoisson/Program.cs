using System;
using System.IO;
using BikeSharing.DataStructures;
using Microsoft.ML;

namespace BikeSharing
{
    internal static class Program
    {
        private static readonly string BaseDataPath = Path.Combine(AppContext.BaseDirectory, "Data");
        private static readonly string TrainingDataPath = Path.Combine(BaseDataPath, "bike_hourly.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var trainingDataView = mlContext.Data.LoadFromTextFile<BikeRentalData>(TrainingDataPath, hasHeader: true, separatorChar: ',');

            // Counts of rentals: a Poisson regression on the raw feature vector.
            var trainer = mlContext.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: "Label", featureColumnName: "Features"); // SCALE002 expected
            var trainingPipeline = mlContext.Transforms.CopyColumns("Label", "Label").Append(trainer);

            var model = trainingPipeline.Fit(trainingDataView);
            var metrics = mlContext.Regression.Evaluate(model.Transform(trainingDataView), labelColumnName: "Label", scoreColumnName: "Score");
            Console.WriteLine($"RMSE: {metrics.RootMeanSquaredError:#.##}");
        }
    }
}
