using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FraudDetection
{
    public class Transaction
    {
        [LoadColumn(0)] public float V1 { get; set; }
        [LoadColumn(1)] public float V2 { get; set; }
        [LoadColumn(2)] public float V3 { get; set; }
        [LoadColumn(3)] public float V4 { get; set; }
        [LoadColumn(4)] public float Amount { get; set; }
        [LoadColumn(5)] public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<Transaction>("Data/transactions.csv", separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

            var featureColumns = new[] { "V1", "V2", "V3", "V4", "Amount" };
            var pipeline = mlContext.Transforms.Concatenate("Features", featureColumns)
                .Append(mlContext.Transforms.NormalizeLpNorm(outputColumnName: "NormalizedFeatures", inputColumnName: "Features"));

            var normalTransactions = mlContext.Data.FilterRowsByColumn(split.TrainSet, nameof(Transaction.Label), lowerBound: 0, upperBound: 1);
            var trainer = mlContext.AnomalyDetection.Trainers.RandomizedPca(featureColumnName: "NormalizedFeatures", rank: 3, ensureZeroMean: true); // SCALE002 expected
            var model = pipeline.Append(trainer).Fit(normalTransactions);

            var metrics = mlContext.AnomalyDetection.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:P2}");
        }
    }
}
