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
        private static readonly string[] NumericColumns = { "Age", "Income", "Balance", "Tenure" };

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<Customer>(Path.Combine("Data", "bank-customers.csv"), separatorChar: ',', hasHeader: true);

            IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
            foreach (var column in NumericColumns)
                pipeline = pipeline.Append(mlContext.Transforms.NormalizeMeanVariance(column));
            pipeline = pipeline.Append(mlContext.Transforms.Concatenate("Features", NumericColumns));
            pipeline = pipeline.Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));
            Console.WriteLine($"F1 {metrics.F1Score:0.###}");
        }
    }
}
