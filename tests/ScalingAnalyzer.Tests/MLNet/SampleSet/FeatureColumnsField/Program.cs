using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LoanApproval
{
    public class LoanApplication
    {
        [LoadColumn(0)] public float Income { get; set; }
        [LoadColumn(1)] public float LoanAmount { get; set; }
        [LoadColumn(2)] public float CreditHistoryMonths { get; set; }
        [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
    }

    internal static class Program
    {
        private static readonly string[] FeatureColumns = { "Income", "LoanAmount", "CreditHistoryMonths" };
        private const string DataPath = "Data/loans.csv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<LoanApplication>(DataPath, hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);
            var pipeline = mlContext.Transforms.Concatenate("Features", FeatureColumns)
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()); // SCALE002 expected
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
