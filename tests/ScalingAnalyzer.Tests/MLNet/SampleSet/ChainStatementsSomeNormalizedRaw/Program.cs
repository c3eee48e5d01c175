using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BikeDemand
{
    public class BikeHour
    {
        [LoadColumn(0)] public float Season { get; set; }
        [LoadColumn(1)] public float Hour { get; set; }
        [LoadColumn(2)] public float Temperature { get; set; }
        [LoadColumn(3)] public float Humidity { get; set; }
        [LoadColumn(4)] public float WindSpeed { get; set; }
        [LoadColumn(5), ColumnName("Label")] public float Count { get; set; }
    }

    public static class Program
    {
        public static void Main(string[] args)
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<BikeHour>(Path.Combine("Data", "bikes.csv"), hasHeader: true, separatorChar: ',');

            IEstimator<ITransformer> pipeline = mlContext.Transforms.Categorical.OneHotEncoding("SeasonEncoded", nameof(BikeHour.Season));
            pipeline = pipeline.Append(mlContext.Transforms.NormalizeMeanVariance(nameof(BikeHour.Temperature)));
            pipeline = pipeline.Append(mlContext.Transforms.NormalizeMeanVariance(nameof(BikeHour.WindSpeed)));
            pipeline = pipeline.Append(mlContext.Transforms.Concatenate("Features",
                "SeasonEncoded", nameof(BikeHour.Hour), nameof(BikeHour.Temperature), nameof(BikeHour.Humidity), nameof(BikeHour.WindSpeed)));

            var trainer = mlContext.Regression.Trainers.Sdca(); // SCALE002 expected
            var trainingPipeline = pipeline.Append(trainer);

            var cvResults = mlContext.Regression.CrossValidate(data, trainingPipeline, numberOfFolds: 3);
            foreach (var fold in cvResults)
                Console.WriteLine($"Fold RMSE {fold.Metrics.RootMeanSquaredError:0.00}");
        }
    }
}
