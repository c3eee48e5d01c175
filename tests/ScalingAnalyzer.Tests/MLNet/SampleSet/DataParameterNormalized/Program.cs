using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SensorsWithHelpers
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
        private static readonly string DataPath = Path.Combine(AppContext.BaseDirectory, "Data", "sensors.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = Normalize(mlContext, LoadData(mlContext));
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
            var model = Train(mlContext, split.TrainSet);
            Console.WriteLine(model);
        }

        private static IDataView LoadData(MLContext mlContext)
            => mlContext.Data.LoadFromTextFile<SensorReading>(DataPath, hasHeader: true, separatorChar: ',');

        private static IDataView Normalize(MLContext mlContext, IDataView raw)
        {
            var normalizer = mlContext.Transforms.Concatenate("Features", "Pressure", "Temperature", "Humidity")
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
            return normalizer.Fit(raw).Transform(raw);
        }

        private static ITransformer Train(MLContext mlContext, IDataView trainingData)
        {
            var trainer = mlContext.Regression.Trainers.OnlineGradientDescent();
            return trainer.Fit(trainingData);
        }
    }
}
