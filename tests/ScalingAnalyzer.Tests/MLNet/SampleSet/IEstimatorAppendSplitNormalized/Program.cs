using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerChurn
{
    public class CustomerRecord
    {
        [LoadColumn(0)] public float TenureMonths { get; set; }
        [LoadColumn(1)] public float MonthlyCharges { get; set; }
        [LoadColumn(2)] public float TotalCharges { get; set; }
        [LoadColumn(3)] public float SupportCalls { get; set; }
        [LoadColumn(4)] public bool Churned { get; set; }
    }

    internal static class Program
    {
        private static void Main(string[] args)
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<CustomerRecord>("Data/churn.csv", hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            IEstimator<ITransformer> pipeline = mlContext.Transforms.Concatenate("Features",
                nameof(CustomerRecord.TenureMonths), nameof(CustomerRecord.MonthlyCharges),
                nameof(CustomerRecord.TotalCharges), nameof(CustomerRecord.SupportCalls));
            pipeline = pipeline.Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
            pipeline = pipeline.AppendCacheCheckpoint(mlContext);

            if (args.Length > 0 && args[0] == "--svm")
                pipeline = pipeline.Append(mlContext.BinaryClassification.Trainers.LinearSvm(labelColumnName: nameof(CustomerRecord.Churned)));
            else
                pipeline = pipeline.Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(CustomerRecord.Churned)));

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet), labelColumnName: nameof(CustomerRecord.Churned));
            Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
        }
    }
}
