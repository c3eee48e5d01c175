using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HeartDisease
{
    public class Patient
    {
        [LoadColumn(0)] public float Age { get; set; }
        [LoadColumn(1)] public float RestingBP { get; set; }
        [LoadColumn(2)] public float Cholesterol { get; set; }
        [LoadColumn(3)] public float MaxHeartRate { get; set; }
        [LoadColumn(4), ColumnName("Label")] public bool HasDisease { get; set; }
    }

    public class ModelComparer
    {
        private readonly MLContext _mlContext = new MLContext(seed: 7);

        public void Run(string dataPath)
        {
            var data = _mlContext.Data.LoadFromTextFile<Patient>(dataPath, hasHeader: true, separatorChar: ',');
            var split = _mlContext.Data.TrainTestSplit(data, testFraction: 0.3);
            var pipeline = _mlContext.Transforms.Concatenate("Features",
                nameof(Patient.Age), nameof(Patient.RestingBP), nameof(Patient.Cholesterol), nameof(Patient.MaxHeartRate));

            var candidates = new Dictionary<string, IEstimator<ITransformer>>
            {
                ["fasttree"] = pipeline.Append(_mlContext.BinaryClassification.Trainers.FastTree(numberOfTrees: 50)),
                ["lbfgs"] = pipeline.Append(_mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()), // SCALE002 expected
                ["perceptron"] = pipeline.Append(_mlContext.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 20)), // SCALE002 expected
            };

            foreach (var candidate in candidates)
            {
                var model = candidate.Value.Fit(split.TrainSet);
                var predictions = model.Transform(split.TestSet);
                var metrics = _mlContext.BinaryClassification.EvaluateNonCalibrated(predictions);
                Console.WriteLine($"{candidate.Key}: accuracy {metrics.Accuracy:P1}");
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            new ModelComparer().Run("Data/heart.csv");
        }
    }
}
