using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Titanic
{
    public class Passenger
    {
        [LoadColumn(0)] public float Pclass { get; set; }
        [LoadColumn(1)] public string Sex { get; set; }
        [LoadColumn(2)] public float Age { get; set; }
        [LoadColumn(3)] public float SibSp { get; set; }
        [LoadColumn(4)] public float Fare { get; set; }
        [LoadColumn(5), ColumnName("Label")] public bool Survived { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Passenger>("Data/titanic.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var pipeline = mlContext.Transforms.ReplaceMissingValues("Age")
                .Append(mlContext.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("SexEncoded", "Sex"), new InputOutputColumnPair("PclassEncoded", "Pclass") }))
                .Append(mlContext.Transforms.Concatenate("Features", "PclassEncoded", "SexEncoded", "Age", "SibSp", "Fare"))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                .Append(mlContext.BinaryClassification.Trainers.LinearSvm());
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P1}");
        }
    }
}
