using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousingFeatureImportance
{
    public class HousingData
    {
        [LoadColumn(0)] public float CrimeRate { get; set; }
        [LoadColumn(1)] public float Rooms { get; set; }
        [LoadColumn(2)] public float Age { get; set; }
        [LoadColumn(3)] public float DistanceToWork { get; set; }
        [LoadColumn(4)] public float PropertyTax { get; set; }
        [LoadColumn(5)] public float PupilTeacherRatio { get; set; }
        [LoadColumn(6), ColumnName("Label")] public float MedianValue { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<HousingData>("Data/housing.csv", separatorChar: ',', hasHeader: true);

            var featureColumns = new[] { "CrimeRate", "Rooms", "Age", "DistanceToWork", "PropertyTax", "PupilTeacherRatio" };
            var preprocessing = mlContext.Transforms.Concatenate("Features", featureColumns);
            var preprocessedData = preprocessing.Fit(data).Transform(data);

            var sdca = mlContext.Regression.Trainers.Sdca(); // SCALE002 expected
            var linearModel = sdca.Fit(preprocessedData);

            var permutationMetrics = mlContext.Regression.PermutationFeatureImportance(linearModel, preprocessedData, permutationCount: 3);
            var ranking = permutationMetrics
                .Select((metric, index) => new { index, metric.RSquared })
                .OrderByDescending(feature => Math.Abs(feature.RSquared.Mean));
            foreach (var feature in ranking)
                Console.WriteLine($"{featureColumns[feature.index],-20}|\t{feature.RSquared.Mean:F6}");
        }
    }
}
