using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

var mlContext = new MLContext(seed: 3);
var data = mlContext.Data.LoadFromTextFile<Patient>("Data/heart.csv", hasHeader: true, separatorChar: ';');

var estimator = mlContext.Transforms.NormalizeMeanVariance("Age")
    .Append(mlContext.Transforms.Concatenate("Features", "Age", "RestingBloodPressure", "Cholesterol", "MaxHeartRate"))
    .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "HasDisease")); // SCALE002 expected

var results = mlContext.BinaryClassification.CrossValidate(data, estimator, numberOfFolds: 5, labelColumnName: "HasDisease");
Console.WriteLine($"Mean AUC: {results.Average(r => r.Metrics.AreaUnderRocCurve):0.000}");

public class Patient
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public float RestingBloodPressure { get; set; }
    [LoadColumn(2)] public float Cholesterol { get; set; }
    [LoadColumn(3)] public float MaxHeartRate { get; set; }
    [LoadColumn(4)] public bool HasDisease { get; set; }
}
