using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WineQuality
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext();
            var dataPath = Path.Combine(Environment.CurrentDirectory, "Data", "winequality-red.csv");

            var data = mlContext.Data.LoadFromTextFile(dataPath, new[]
            {
                new TextLoader.Column("Features", DataKind.Single, 0, 10),
                new TextLoader.Column("Label", DataKind.Single, 11),
            }, separatorChar: ';', hasHeader: true);

            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
            var pipeline = mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features"); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"MAE: {metrics.MeanAbsoluteError:0.###}, R2: {metrics.RSquared:0.###}");
        }
    }
}
