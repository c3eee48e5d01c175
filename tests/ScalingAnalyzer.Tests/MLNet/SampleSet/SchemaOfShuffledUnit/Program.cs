using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MachineWearShuffled
{
    public class Reading
    {
        [LoadColumn(0)] public float Vibration { get; set; }
        [LoadColumn(1)] public float Load { get; set; }
        [LoadColumn(2)] public float Humidity { get; set; }
        [LoadColumn(3)] public float Wear { get; set; }
        [LoadColumn(4)] public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            IDataView trainDataView = mlContext.Data.LoadFromTextFile<Reading>("Data/readings.csv", separatorChar: ',', hasHeader: true);

            var shuffled = mlContext.Data.ShuffleRows(trainDataView, seed: 3);
            var split = mlContext.Data.TrainTestSplit(shuffled, testFraction: 0.25);
            string[] featureColumnNames = split.TestSet.Schema.AsQueryable()
                .Select(column => column.Name)
                .Where(name => name != nameof(Reading.Label))
                .ToArray();

            var pipeline = mlContext.Transforms.Concatenate("Features", featureColumnNames)
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Reading.Label)));
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Reading.Label));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:F3}");
        }
    }
}
