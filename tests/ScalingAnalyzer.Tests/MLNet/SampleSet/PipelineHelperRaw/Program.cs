using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BikeSharing
{
    public class BikeDemand
    {
        public float Temperature { get; set; }
        public float Humidity { get; set; }
        public float Windspeed { get; set; }
        public float Count { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromEnumerable(new List<BikeDemand>());
            var dataProcessPipeline = BuildDataProcessingPipeline(mlContext);
            var trainingPipeline = dataProcessPipeline.Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features")); // SCALE002 expected
            var model = trainingPipeline.Fit(data);
            Console.WriteLine(model);
        }

        private static IEstimator<ITransformer> BuildDataProcessingPipeline(MLContext mlContext)
        {
            var dataProcessPipeline = mlContext.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(BikeDemand.Count))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(BikeDemand.Temperature), nameof(BikeDemand.Humidity), nameof(BikeDemand.Windspeed)))
                .AppendCacheCheckpoint(mlContext);
            return dataProcessPipeline;
        }
    }
}
