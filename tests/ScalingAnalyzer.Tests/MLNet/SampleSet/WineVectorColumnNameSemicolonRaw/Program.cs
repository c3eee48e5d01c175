using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WineQuality
{
    public class WineSample
    {
        [LoadColumn(0, 10), VectorType(11)]
        [ColumnName("Features")]
        public float[] Chemistry { get; set; }

        [LoadColumn(11)]
        public float Quality { get; set; }
    }

    internal static class Program
    {
        private static readonly string DataPath = Path.Combine(Environment.CurrentDirectory, "Data", "winequality-red.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView wines = mlContext.Data.LoadFromTextFile<WineSample>(DataPath, separatorChar: ';', hasHeader: true);

            var pipeline = mlContext.Transforms.CustomMapping<WineSample, GoodWine>((input, output) => output.Label = input.Quality >= 7, contractName: null)
                .Append(mlContext.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 20)); // SCALE002 expected

            var cv = mlContext.BinaryClassification.CrossValidateNonCalibrated(wines, pipeline, numberOfFolds: 5);
            foreach (var fold in cv)
                Console.WriteLine($"Accuracy {fold.Metrics.Accuracy:0.###}");
        }
    }

    public class GoodWine
    {
        public bool Label { get; set; }
    }
}
