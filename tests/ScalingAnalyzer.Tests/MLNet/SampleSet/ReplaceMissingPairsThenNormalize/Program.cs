using System;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Diabetes
{
    public class PatientLabs
    {
        [LoadColumn(0)] public float Glucose { get; set; }
        [LoadColumn(1)] public float Insulin { get; set; }
        [LoadColumn(2)] public float BMI { get; set; }
        [LoadColumn(3)] public float Age { get; set; }
        [LoadColumn(4)] public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromTextFile<PatientLabs>("Data/labs.csv", separatorChar: ',', hasHeader: true);

            var pipeline = mlContext.Transforms.ReplaceMissingValues(new[]
                    {
                        new InputOutputColumnPair("Glucose"),
                        new InputOutputColumnPair("Insulin"),
                        new InputOutputColumnPair("BMI"),
                    }, MissingValueReplacingEstimator.ReplacementMode.Mean)
                .Append(mlContext.Transforms.Concatenate("Features", "Glucose", "Insulin", "BMI", "Age"))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.BinaryClassification.Trainers.LinearSvm());

            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(data));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P1}");
        }
    }
}
