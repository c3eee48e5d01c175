using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerSegmentation
{
    public class Customer
    {
        [LoadColumn(0)] public float Age;
        [LoadColumn(1)] public float AnnualIncome;
        [LoadColumn(2)] public float SpendingScore;
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var dataPath = Path.Combine(Directory.GetCurrentDirectory(), "Data", "mall-customers.tsv");
            var customers = mlContext.Data.LoadFromTextFile<Customer>(dataPath, hasHeader: true);

            string featuresColumnName = "Features";
            var pipeline = mlContext.Transforms.Concatenate(featuresColumnName, nameof(Customer.Age), nameof(Customer.AnnualIncome), nameof(Customer.SpendingScore))
                .Append(mlContext.Clustering.Trainers.KMeans(featuresColumnName, numberOfClusters: 5)); // SCALE002 expected
            var model = pipeline.Fit(customers);
            var metrics = mlContext.Clustering.Evaluate(model.Transform(customers), scoreColumnName: "Score", featureColumnName: featuresColumnName);
            Console.WriteLine($"Average distance: {metrics.AverageDistance:0.##}");
        }
    }
}
