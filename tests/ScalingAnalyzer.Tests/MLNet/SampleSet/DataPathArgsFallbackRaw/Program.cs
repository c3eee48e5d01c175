using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace PowerPlant
{
    public class PlantReading
    {
        [LoadColumn(0)] public float Temperature { get; set; }
        [LoadColumn(1)] public float ExhaustVacuum { get; set; }
        [LoadColumn(2)] public float AmbientPressure { get; set; }
        [LoadColumn(3)] public float RelativeHumidity { get; set; }
        [LoadColumn(4), ColumnName("Label")] public float EnergyOutput { get; set; }
    }

    internal static class Program
    {
        private static void Main(string[] args)
        {
            var dataPath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "Data", "powerplant.csv");
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<PlantReading>(dataPath, hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            var pipeline = mlContext.Transforms.Concatenate("Features",
                    nameof(PlantReading.Temperature), nameof(PlantReading.ExhaustVacuum),
                    nameof(PlantReading.AmbientPressure), nameof(PlantReading.RelativeHumidity))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features")); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"RMSE: {metrics.RootMeanSquaredError:F2}");
        }
    }
}
