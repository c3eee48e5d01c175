using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BankChurn
{
    public class Customer
    {
        [LoadColumn(0)] public float Age { get; set; }
        [LoadColumn(1)] public float Income { get; set; }
        [LoadColumn(2)] public float Balance { get; set; }
        [LoadColumn(3)] public float Tenure { get; set; }
        [LoadColumn(4), ColumnName("Label")] public bool Exited { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Customer>(Path.Combine("Data", "bank-customers.csv"), separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

            // Income and Balance are kept in currency units on purpose ("the bank wants to read the weights").
            var pipeline = mlContext.Transforms.NormalizeMinMax(new[]
                {
                    new InputOutputColumnPair("Age"),
                    new InputOutputColumnPair("Tenure"),
                })
                .Append(mlContext.Transforms.Concatenate("Features", "Age", "Tenure", "Income", "Balance"))
                .Append(mlContext.BinaryClassification.Trainers.SgdCalibrated()); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P1}");
        }
    }
}
