using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EnergyUse
{
    public class BuildingRecord
    {
        [LoadColumn(0)] public float Temperature { get; set; }
        [LoadColumn(1)] public float FloorSpace { get; set; }
        [LoadColumn(2)] public float Occupants { get; set; }
        [LoadColumn(3), ColumnName("Label")] public float Kwh { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 42);
            var data = mlContext.Data.LoadFromTextFile<BuildingRecord>("Data/energy.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 42);

            // Only the temperature is scaled; floor space and occupants go in as read.
            var features = mlContext.Transforms.NormalizeMinMax(nameof(BuildingRecord.Temperature))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(BuildingRecord.Temperature), nameof(BuildingRecord.FloorSpace), nameof(BuildingRecord.Occupants)));

            var trainers = new List<(string Name, IEstimator<ITransformer> Trainer)>
            {
                ("FastTree", mlContext.Regression.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 50)),
                ("Sdca", mlContext.Regression.Trainers.Sdca()), // SCALE002 expected
            };

            foreach (var (name, trainer) in trainers)
            {
                var model = features.Append(trainer).Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine($"{name,-10} R2={metrics.RSquared:F3} MAE={metrics.MeanAbsoluteError:F1}");
            }
        }
    }
}
