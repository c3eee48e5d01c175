using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousingContributions
{
    public class HousingData
    {
        [LoadColumn(0)] public float CrimeRate { get; set; }
        [LoadColumn(1)] public float Rooms { get; set; }
        [LoadColumn(2)] public float Age { get; set; }
        [LoadColumn(3)] public float DistanceToWork { get; set; }
        [LoadColumn(4)] public float PropertyTax { get; set; }
        [LoadColumn(5)] public float PupilTeacherRatio { get; set; }
        [LoadColumn(6)] public float MedianValue { get; set; }
    }

    public class HousingPrediction
    {
        public float Score { get; set; }
        public float[] FeatureContributions { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<HousingData>("Data/housing.csv", separatorChar: ',', hasHeader: true);

            var transformPipeline = mlContext.Transforms.Concatenate("Features",
                    nameof(HousingData.CrimeRate), nameof(HousingData.Rooms), nameof(HousingData.Age),
                    nameof(HousingData.DistanceToWork), nameof(HousingData.PropertyTax), nameof(HousingData.PupilTeacherRatio))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
            var learner = mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HousingData.MedianValue));

            var transformer = transformPipeline.Fit(data);
            var transformedData = transformer.Transform(data);
            var linearModel = learner.Fit(transformedData);

            var scoredData = linearModel.Transform(transformedData);
            var contributions = mlContext.Transforms.CalculateFeatureContribution(linearModel, normalize: false);
            var outputData = contributions.Fit(scoredData).Transform(scoredData);

            foreach (var row in mlContext.Data.CreateEnumerable<HousingPrediction>(outputData, reuseRowObject: false))
                Console.WriteLine($"{row.Score:0.##} <- {string.Join(", ", row.FeatureContributions)}");
        }
    }
}
