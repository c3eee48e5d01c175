using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FuelEconomy
{
    public class Car
    {
        [LoadColumn(0)] public float Horsepower { get; set; }
        [LoadColumn(1)] public float Weight { get; set; }
        [LoadColumn(2)] public float EngineSize { get; set; }
        [LoadColumn(3), ColumnName("Label")] public float Mpg { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Car>("Data/cars.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var pipeline = mlContext.Transforms.NormalizeRobustScaling(new[]
                {
                    new InputOutputColumnPair(nameof(Car.Horsepower)),
                    new InputOutputColumnPair(nameof(Car.Weight)),
                })
                .Append(mlContext.Transforms.NormalizeLogMeanVariance(nameof(Car.EngineSize)))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(Car.Horsepower), nameof(Car.Weight), nameof(Car.EngineSize)))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(numberOfIterations: 20));

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"MAE {metrics.MeanAbsoluteError:F2}");
        }
    }
}
