using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WineQuality
{
    public class WineSample
    {
        [LoadColumn(0, 10), VectorType(11)]
        public float[] Features { get; set; }

        [LoadColumn(11), ColumnName("Label")]
        public float Quality { get; set; }
    }

    public class WinePrediction
    {
        [ColumnName("Score")]
        public float PredictedQuality { get; set; }
    }

    internal static class Program
    {
        private static readonly string DataPath = Path.Combine(AppContext.BaseDirectory, "Data", "winequality-red.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 42);
            var data = mlContext.Data.LoadFromTextFile<WineSample>(DataPath, separatorChar: ';', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            var pipeline = mlContext.Transforms.ReplaceMissingValues("Features")
                .AppendCacheCheckpoint(mlContext)
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(numberOfIterations: 20)); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"MAE {metrics.MeanAbsoluteError:0.###}");
        }
    }
}
