using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EnergyForecast
{
    public class BuildingReading
    {
        [LoadColumn(0)] public float Temperature { get; set; }
        [LoadColumn(1)] public float Occupancy { get; set; }
        [LoadColumn(2)] public float Area { get; set; }
        [LoadColumn(3)] public string Weather { get; set; }
        [LoadColumn(4)] public float EnergyUse { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var dataPath = Path.Combine(Environment.CurrentDirectory, "Data", "energy.csv");
            IDataView trainingData = mlContext.Data.LoadFromTextFile<BuildingReading>(dataPath, hasHeader: true, separatorChar: ',');

            var pipeline = PipelineFactory.CreateTrainingPipeline(mlContext);
            var model = pipeline.Fit(trainingData);
            var metrics = mlContext.Regression.Evaluate(model.Transform(trainingData), labelColumnName: "EnergyUse");
            Console.WriteLine($"RMSE: {metrics.RootMeanSquaredError:0.##}");
        }
    }
}
