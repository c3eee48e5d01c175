using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

public class Review
{
    [LoadColumn(0)] public float Quality { get; set; }
    [LoadColumn(1)] public float Service { get; set; }
    [LoadColumn(2)] public float Price { get; set; }
    [LoadColumn(3)] public float Ambience { get; set; }
    [LoadColumn(4), ColumnName("Label")] public bool Recommend { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromTextFile<Review>(Path.Combine(AppContext.BaseDirectory, "Data", "ratings.tsv"), hasHeader: true);
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Review.Quality), nameof(Review.Service), nameof(Review.Price), nameof(Review.Ambience))
            .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 10));

        var model = pipeline.Fit(split.TrainSet);
        var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
        Console.WriteLine($"Accuracy {metrics.Accuracy:P2}");
    }
}
