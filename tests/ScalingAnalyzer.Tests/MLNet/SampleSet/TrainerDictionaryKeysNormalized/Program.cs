using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DiabetesRiskNormalized
{
    public class PatientData
    {
        [LoadColumn(0)] public float Pregnancies { get; set; }
        [LoadColumn(1)] public float Glucose { get; set; }
        [LoadColumn(2)] public float BloodPressure { get; set; }
        [LoadColumn(3)] public float Insulin { get; set; }
        [LoadColumn(4)] public float Bmi { get; set; }
        [LoadColumn(5)] public float Age { get; set; }
        [LoadColumn(6), ColumnName("Label")] public bool Outcome { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var dataView = mlContext.Data.LoadFromTextFile<PatientData>("Data/diabetes.csv", hasHeader: true, separatorChar: ',');
            var trainTest = mlContext.Data.TrainTestSplit(dataView, testFraction: 0.3);

            var featurization = mlContext.Transforms.Concatenate("Features",
                "Pregnancies", "Glucose", "BloodPressure", "Insulin", "Bmi", "Age")
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));

            var candidates = new Dictionary<string, IEstimator<ITransformer>>();
            candidates.Add("Logistic regression", mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());
            candidates.Add("Fast forest", mlContext.BinaryClassification.Trainers.FastForest());
            candidates.Add("Linear SVM", mlContext.BinaryClassification.Trainers.LinearSvm());

            foreach (var name in candidates.Keys)
            {
                var model = featurization.Append(candidates[name]).Fit(trainTest.TrainSet);
                var predictions = model.Transform(trainTest.TestSet);
                var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(predictions);
                Console.WriteLine($"{name,-20} accuracy {metrics.Accuracy:P1}");
            }
        }
    }
}
