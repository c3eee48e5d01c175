using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IntrusionDetection
{
    public class TrafficRecord
    {
        [LoadColumn(0)] public float Packets { get; set; }
        [LoadColumn(1)] public float Bytes { get; set; }
        [LoadColumn(2)] public float Duration { get; set; }
        [LoadColumn(3), ColumnName("Label")] public bool Attack { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = LoadData(mlContext, Path.Combine("Data", "traffic.tsv"));
            var pipeline = BuildPipeline(mlContext);
            var results = mlContext.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);
            foreach (var fold in results)
                Console.WriteLine($"F1 {fold.Metrics.F1Score:0.###}");
        }

        private static IDataView LoadData(MLContext mlContext, string path)
        {
            var loader = mlContext.Data.CreateTextLoader<TrafficRecord>(hasHeader: true, separatorChar: '\t');
            return loader.Load(path);
        }

        private static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
        {
            return mlContext.Transforms.Concatenate("Features", nameof(TrafficRecord.Packets), nameof(TrafficRecord.Bytes), nameof(TrafficRecord.Duration))
                .Append(mlContext.BinaryClassification.Trainers.SgdCalibrated()); // SCALE002 expected
        }
    }
}
