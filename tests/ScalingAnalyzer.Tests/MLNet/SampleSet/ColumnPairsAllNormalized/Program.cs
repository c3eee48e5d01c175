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

            var pipeline = mlContext.Transforms.NormalizeMeanVariance(new[]
                {
                    new InputOutputColumnPair("AgeNorm", "Age"),
                    new InputOutputColumnPair("IncomeNorm", "Income"),
                    new InputOutputColumnPair("BalanceNorm", "Balance"),
                    new InputOutputColumnPair("TenureNorm", "Tenure"),
                })
                .Append(mlContext.Transforms.Concatenate("Features", "AgeNorm", "IncomeNorm", "BalanceNorm", "TenureNorm"))
                .Append(mlContext.BinaryClassification.Trainers.SgdCalibrated());

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P1}");
        }
    }
}
