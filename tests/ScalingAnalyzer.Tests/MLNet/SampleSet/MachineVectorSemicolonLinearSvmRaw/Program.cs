using System;
using System.IO;
using Microsoft.ML;
using PredictiveMaintenance.DataModels;

namespace PredictiveMaintenance
{
    internal static class Program
    {
        private const string DataFile = "machines.csv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 7);
            var dataPath = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "Data", DataFile);
            var data = mlContext.Data.LoadFromTextFile<MachineReading>(dataPath, separatorChar: ';', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.3, seed: 7);

            var trainer = mlContext.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 20); // SCALE002 expected
            var model = trainer.Fit(split.TrainSet);

            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P2}, F1 {metrics.F1Score:0.00}");
        }
    }
}
