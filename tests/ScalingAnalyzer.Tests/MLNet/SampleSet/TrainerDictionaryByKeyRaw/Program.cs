using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CarPrices
{
    public class CarData
    {
        [LoadColumn(0)] public float Mileage { get; set; }
        [LoadColumn(1)] public float EngineSize { get; set; }
        [LoadColumn(2)] public float Year { get; set; }
        [LoadColumn(3), ColumnName("Label")] public float Price { get; set; }
    }

    internal static class Program
    {
        private const string TrainerName = "sdca";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<CarData>("Data/cars.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var trainers = new Dictionary<string, IEstimator<ITransformer>>
            {
                ["sdca"] = mlContext.Regression.Trainers.Sdca(), // SCALE002 expected
                ["fasttree"] = mlContext.Regression.Trainers.FastTree(),
            };

            var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", nameof(CarData.Mileage), nameof(CarData.EngineSize), nameof(CarData.Year));
            var trainingPipeline = dataProcessPipeline.Append(trainers[TrainerName]);
            var model = trainingPipeline.Fit(split.TrainSet);

            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"{TrainerName}: RMSE {metrics.RootMeanSquaredError:F0}");
        }
    }
}
