using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WeatherStation
{
    public class StationReading
    {
        [LoadColumn(0)] public float Temperature { get; set; }
        [LoadColumn(1)] public float Pressure { get; set; }
        [LoadColumn(2)] public float Humidity { get; set; }
        [LoadColumn(3)] public float Rainfall { get; set; }
    }

    internal static class Program
    {
        private static readonly string DataPath = Path.Combine(Environment.CurrentDirectory, "Data", "wetterdaten.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 42);

            // Exported from a German spreadsheet: ';' between fields, ',' as the decimal marker.
            var loaderOptions = new TextLoader.Options
            {
                Separators = new[] { ';' },
                HasHeader = true,
                DecimalMarker = ',',
            };
            IDataView data = mlContext.Data.LoadFromTextFile<StationReading>(DataPath, loaderOptions);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var pipeline = mlContext.Transforms.Concatenate("Features", "Temperature", "Pressure", "Humidity")
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Rainfall", numberOfIterations: 20)); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: "Rainfall");
            Console.WriteLine($"MAE: {metrics.MeanAbsoluteError:0.##}");
        }
    }
}
