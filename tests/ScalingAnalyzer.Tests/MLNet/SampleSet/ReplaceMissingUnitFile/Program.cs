using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace PredictiveMaintenance
{
    public class VibrationSample
    {
        [LoadColumn(0, 3), VectorType(4)] public float[] Features { get; set; }
        [LoadColumn(4), ColumnName("Label")] public bool Fault { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 3);
            var data = mlContext.Data.LoadFromTextFile<VibrationSample>(Path.Combine(AppContext.BaseDirectory, "Data", "vibration.csv"), separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.ReplaceMissingValues("Features", replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean)
                .Append(mlContext.BinaryClassification.Trainers.SdcaNonCalibrated());
            var cvResults = mlContext.BinaryClassification.CrossValidateNonCalibrated(data, pipeline, numberOfFolds: 4);
            foreach (var result in cvResults)
                Console.WriteLine($"Accuracy {result.Metrics.Accuracy:P1}");
        }
    }
}
