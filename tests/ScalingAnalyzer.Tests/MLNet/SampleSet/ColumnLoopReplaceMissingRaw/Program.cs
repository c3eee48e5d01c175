using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

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

            var featureColumns = new List<string> { nameof(Customer.Age), nameof(Customer.Income), nameof(Customer.Balance), nameof(Customer.Tenure) };
            IEstimator<ITransformer> pipeline = mlContext.Transforms.CopyColumns("RawLabel", "Label");
            foreach (var name in featureColumns)
            {
                pipeline = pipeline.Append(mlContext.Transforms.ReplaceMissingValues(name, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
            }
            pipeline = pipeline
                .Append(mlContext.Transforms.Concatenate("Features", featureColumns.ToArray()))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()); // SCALE002 expected

            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
