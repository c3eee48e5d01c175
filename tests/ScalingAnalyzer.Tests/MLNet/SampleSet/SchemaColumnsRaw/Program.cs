using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FeatureImportance
{
    public class HousingData
    {
        [LoadColumn(0)] public float Longitude { get; set; }
        [LoadColumn(1)] public float Latitude { get; set; }
        [LoadColumn(2)] public float HousingMedianAge { get; set; }
        [LoadColumn(3)] public float TotalRooms { get; set; }
        [LoadColumn(4)] public float Population { get; set; }
        [LoadColumn(5)] public float MedianIncome { get; set; }
        [LoadColumn(6), ColumnName("Label")] public float MedianHouseValue { get; set; }
        [LoadColumn(7)] public string OceanProximity { get; set; }
    }

    internal class Program
    {
        private static void Main(string[] args)
        {
            var context = new MLContext();
            var data = context.Data.LoadFromTextFile<HousingData>("./Data/housing.csv", hasHeader: true, separatorChar: ',');

            // Every numeric column but the label is a feature
            var features = data.Schema
                .Select(col => col.Name)
                .Where(colName => colName != "Label" && colName != "OceanProximity")
                .ToArray();

            var pipeline = context.Transforms.Text.FeaturizeText("Text", "OceanProximity")
                .Append(context.Transforms.Concatenate("Features", features))
                .Append(context.Regression.Trainers.LbfgsPoissonRegression()); // SCALE002 expected

            var model = pipeline.Fit(data);
            var linearModel = model.LastTransformer.Model;
            var weights = linearModel.Weights;
            for (var i = 0; i < features.Length; i++)
                Console.WriteLine($"{features[i]}: {weights[i]:F4}");
        }
    }
}
