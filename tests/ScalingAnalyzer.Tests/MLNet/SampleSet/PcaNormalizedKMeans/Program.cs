using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerSegmentation
{
    public class Customer
    {
        [LoadColumn(0)] public float AnnualIncome { get; set; }
        [LoadColumn(1)] public float SpendingScore { get; set; }
        [LoadColumn(2)] public float Visits { get; set; }
        [LoadColumn(3)] public float Age { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "customers.csv");
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<Customer>(dataPath, hasHeader: true, separatorChar: ',');

            var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", nameof(Customer.AnnualIncome), nameof(Customer.SpendingScore), nameof(Customer.Visits), nameof(Customer.Age))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                .Append(mlContext.Transforms.ProjectToPrincipalComponents(outputColumnName: "PCAFeatures", inputColumnName: "Features", rank: 2));
            var trainer = mlContext.Clustering.Trainers.KMeans(featureColumnName: "PCAFeatures", numberOfClusters: 5);
            var model = dataProcessPipeline.Append(trainer).Fit(data);

            var metrics = mlContext.Clustering.Evaluate(model.Transform(data), scoreColumnName: "Score", featureColumnName: "PCAFeatures");
            Console.WriteLine($"Davies-Bouldin index: {metrics.DaviesBouldinIndex:F3}");
        }
    }
}
