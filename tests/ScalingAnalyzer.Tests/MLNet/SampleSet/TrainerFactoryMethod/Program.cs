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

    internal class Program
    {
        private static readonly string DataPath = Path.Combine(Environment.CurrentDirectory, "Data", "loans.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<LoanApplication>(DataPath, hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.3);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(LoanApplication.Income), nameof(LoanApplication.LoanAmount), nameof(LoanApplication.CreditHistoryMonths))
                .Append(CreateTrainer(mlContext));
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
            Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
        }

        private static IEstimator<ITransformer> CreateTrainer(MLContext mlContext)
            => mlContext.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 20); // SCALE002 expected
    }
}
