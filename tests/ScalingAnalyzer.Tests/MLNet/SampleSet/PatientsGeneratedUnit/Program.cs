using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HeartRisk;

public class Patient
{
    public float Age { get; set; }
    public float RestingBloodPressure { get; set; }
    public float Cholesterol { get; set; }
    public float MaxHeartRate { get; set; }
    public bool Label { get; set; }
}

public static class Program
{
    private static IEnumerable<Patient> GeneratePatients(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var age = (float)random.NextDouble();
            var pressure = (float)random.NextDouble();
            var cholesterol = (float)random.NextDouble();
            yield return new Patient { Age = age, RestingBloodPressure = pressure, Cholesterol = cholesterol, MaxHeartRate = (float)random.NextDouble(), Label = cholesterol > 0.5f };
        }
    }

    public static void Main()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(GeneratePatients(500, 42));
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Patient.Age), nameof(Patient.RestingBloodPressure), nameof(Patient.Cholesterol), nameof(Patient.MaxHeartRate))
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var model = pipeline.Fit(split.TrainSet);
        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"AUC: {metrics.AreaUnderRocCurve:P2}");
    }
}
