using System;
using System.Linq;
using Microsoft.ML;

namespace HeartDisease
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<HeartData>("Data/heart.csv", hasHeader: true, separatorChar: ',');

            var pipeline = mlContext.Transforms.Concatenate("Features",
                    nameof(HeartData.Age), nameof(HeartData.RestingBloodPressure), nameof(HeartData.Cholesterol),
                    nameof(HeartData.MaxHeartRate), nameof(HeartData.StDepression))
                .Append(mlContext.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 10)); // SCALE002 expected

            Evaluate(mlContext, data, pipeline);
        }

        private static void Evaluate(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline)
        {
            var results = mlContext.BinaryClassification.CrossValidateNonCalibrated(data, pipeline, numberOfFolds: 4);
            Console.WriteLine($"Average accuracy: {results.Average(r => r.Metrics.Accuracy):P2}");
        }
    }
}
