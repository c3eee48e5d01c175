using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BostonHousing
{
    public class HousingRecord
    {
        [LoadColumn(0)] public float CRIM { get; set; }
        [LoadColumn(1)] public float ZN { get; set; }
        [LoadColumn(2)] public float INDUS { get; set; }
        [LoadColumn(3)] public float RM { get; set; }
        [LoadColumn(4)] public float AGE { get; set; }
        [LoadColumn(5)] public float TAX { get; set; }
        [LoadColumn(6)] public float PTRATIO { get; set; }
        [LoadColumn(7), ColumnName("Label")] public float MEDV { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<HousingRecord>("Data/housing.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
            var trainers = new List<IEstimator<ITransformer>>
            {
                mlContext.Regression.Trainers.FastTree(numberOfLeaves: 20),
                mlContext.Regression.Trainers.FastForest(numberOfTrees: 100),
                mlContext.Regression.Trainers.LightGbm(numberOfLeaves: 31),
                mlContext.Regression.Trainers.Gam(),
            };
            foreach (var trainer in trainers)
            {
                var pipeline = BuildPipeline(mlContext).Append(trainer);
                var model = pipeline.Fit(split.TrainSet);
                var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
                Console.WriteLine($"{trainer.GetType().Name}: R^2 {metrics.RSquared:0.###}");
            }
        }

        private static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
            => mlContext.Transforms.Concatenate("Features", "CRIM", "ZN", "INDUS", "RM", "AGE", "TAX", "PTRATIO");
    }
}
