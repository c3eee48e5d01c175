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

    public class ClusterPrediction
    {
        [ColumnName("PredictedLabel")] public uint ClusterId { get; set; }
        [ColumnName("Score")] public float[] Distances { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "customers.csv");
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<Customer>(dataPath, hasHeader: true, separatorChar: ',');

            // Reduce the four columns to two principal components, then cluster on them
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Customer.AnnualIncome), nameof(Customer.SpendingScore), nameof(Customer.Visits), nameof(Customer.Age))
                .Append(mlContext.Transforms.ProjectToPrincipalComponents(outputColumnName: "PCAFeatures", inputColumnName: "Features", rank: 2))
                .Append(mlContext.Clustering.Trainers.KMeans(featureColumnName: "PCAFeatures", numberOfClusters: 5)); // SCALE002 expected

            var model = pipeline.Fit(data);
            var engine = mlContext.Model.CreatePredictionEngine<Customer, ClusterPrediction>(model);
            var prediction = engine.Predict(new Customer { AnnualIncome = 60000, SpendingScore = 40, Visits = 12, Age = 35 });
            Console.WriteLine($"Cluster {prediction.ClusterId}");
        }
    }
}
