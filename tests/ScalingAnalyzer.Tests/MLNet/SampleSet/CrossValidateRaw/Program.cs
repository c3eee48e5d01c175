using System;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HeartDiseaseDetection
{
    public class HeartData
    {
        [LoadColumn(0)] public float Age;
        [LoadColumn(1)] public float Cholesterol;
        [LoadColumn(2)] public float RestingBP;
        [LoadColumn(3)] public bool Label;
    }

    internal static class Program
    {
        private static string BaseDatasetsRelativePath = @"../../../../Data";
        private static string TrainDataRelativePath = $"{BaseDatasetsRelativePath}/heart.tsv";

        private static void Main()
        {
            var mlContext = new MLContext();
            var trainingDataView = mlContext.Data.LoadFromTextFile<HeartData>(TrainDataRelativePath, hasHeader: true, separatorChar: '\t');
            var pipeline = mlContext.Transforms.Concatenate("Features", "Age", "Cholesterol", "RestingBP")
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features")); // SCALE002 expected
            var crossValidationResults = mlContext.BinaryClassification.CrossValidate(data: trainingDataView, estimator: pipeline, numberOfFolds: 5, labelColumnName: "Label");
            Console.WriteLine(crossValidationResults.Average(r => r.Metrics.Accuracy));
        }
    }
}
