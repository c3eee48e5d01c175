using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SensorsRegression
{
    public class SensorReading
    {
        [LoadColumn(0)] public float Pressure { get; set; }
        [LoadColumn(1)] public float Temperature { get; set; }
        [LoadColumn(2)] public float Humidity { get; set; }
        [LoadColumn(3), ColumnName("Label")] public float Output { get; set; }
    }

    internal static class Program
    {
        private static readonly string TrainDataPath = Path.Combine(Environment.CurrentDirectory, "Data", "sensors.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView dataView = mlContext.Data.LoadFromTextFile<SensorReading>(TrainDataPath, hasHeader: true, separatorChar: ',');
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(SensorReading.Pressure), nameof(SensorReading.Temperature), nameof(SensorReading.Humidity))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", maximumNumberOfIterations: 100)); // SCALE002 expected
            var model = pipeline.Fit(dataView);
            Console.WriteLine(model);
        }
    }
}
