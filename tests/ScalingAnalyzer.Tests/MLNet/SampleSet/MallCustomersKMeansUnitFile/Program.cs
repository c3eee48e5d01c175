using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerSegmentation;

public class CustomerData
{
    [LoadColumn(0)] public float CustomerId { get; set; }
    [LoadColumn(1, 3)] [VectorType(3)] public float[] Features { get; set; } = new float[3];
}

public class ClusterPrediction
{
    [ColumnName("PredictedLabel")] public uint ClusterId { get; set; }
    [ColumnName("Score")] public float[] Distances { get; set; } = Array.Empty<float>();
}

public static class Program
{
    private static readonly string DataPath = Path.Combine(Environment.CurrentDirectory, "Data", "customers.csv");

    public static void Main()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromTextFile<CustomerData>(DataPath, hasHeader: true, separatorChar: ',');
        var pipeline = mlContext.Clustering.Trainers.KMeans("Features", numberOfClusters: 4);
        var model = pipeline.Fit(data);
        var metrics = mlContext.Clustering.Evaluate(model.Transform(data), scoreColumnName: "Score", featureColumnName: "Features");
        Console.WriteLine($"Average distance {metrics.AverageDistance:0.000}");
    }
}
