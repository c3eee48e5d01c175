using System;
using Microsoft.ML;

namespace PredictiveMaintenance
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 3);
            var data = mlContext.Data.LoadFromTextFile<SensorReading>("Data/sensor_features_scaled.csv", separatorChar: ';', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.3);

            var trainer = mlContext.BinaryClassification.Trainers.LinearSvm(labelColumnName: "Label", featureColumnName: "Features", numberOfIterations: 20);
            var model = trainer.Fit(split.TrainSet);

            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
            Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
        }
    }
}
