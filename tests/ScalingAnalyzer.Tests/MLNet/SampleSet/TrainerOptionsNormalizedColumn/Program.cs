using System;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Diabetes
{
    public class PatientLabs
    {
        [LoadColumn(0)] public float Glucose { get; set; }
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

            var trainerOptions = new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "ScaledFeatures",
                L2Regularization = 0.01f,
                MaximumNumberOfIterations = 200,
            };

            var pipeline = mlContext.Transforms.Concatenate("RawFeatures", "Glucose", "BMI", "Age")
                .Append(mlContext.Transforms.NormalizeMeanVariance("ScaledFeatures", "RawFeatures"))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(trainerOptions));

            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
