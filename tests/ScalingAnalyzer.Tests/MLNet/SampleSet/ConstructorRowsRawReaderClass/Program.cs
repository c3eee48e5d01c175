using System;
using System.Linq;
using HousePrices.DataReader;
using HousePrices.Models;
using Microsoft.ML;

namespace HousePrices
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext();
            var reader = new HouseDataReader();
            var houses = reader.GetTrainingData().ToArray();
            IDataView trainingData = mlContext.Data.LoadFromEnumerable(houses);

            var estimator = mlContext.Transforms
                .Concatenate("Features", new[] { "Size" })
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Price", maximumNumberOfIterations: 100)); // SCALE002 expected

            var model = estimator.Fit(trainingData);
            var metrics = mlContext.Regression.Evaluate(model.Transform(trainingData), labelColumnName: "Price");
            Console.WriteLine($"RMSE: {metrics.RootMeanSquaredError:0.##}");
        }
    }
}
