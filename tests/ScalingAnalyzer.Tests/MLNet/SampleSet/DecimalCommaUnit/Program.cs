using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace QualityControl
{
    public class PartMeasurement
    {
        [LoadColumn(0)] public float Deviation { get; set; }
        [LoadColumn(1)] public float Roughness { get; set; }
        [LoadColumn(2)] public float Thickness { get; set; }
        [LoadColumn(3)] public bool Defective { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 7);
            var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "messungen.csv");

            var loader = mlContext.Data.CreateTextLoader<PartMeasurement>(new TextLoader.Options
            {
                Separators = new[] { ';' },
                HasHeader = true,
                DecimalMarker = ',',
            });
            var data = loader.Load(dataPath);

            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(PartMeasurement.Deviation), nameof(PartMeasurement.Roughness), nameof(PartMeasurement.Thickness))
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(PartMeasurement.Defective)));

            var cv = mlContext.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 3, labelColumnName: nameof(PartMeasurement.Defective));
            foreach (var fold in cv)
                Console.WriteLine($"AUC: {fold.Metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
