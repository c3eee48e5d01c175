using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BikeDemand
{
    public class BikeRecord
    {
        [LoadColumn(0)] public float Season { get; set; }
        [LoadColumn(1)] public float Hour { get; set; }
        [LoadColumn(2)] public float Temperature { get; set; }
        [LoadColumn(3)] public float Humidity { get; set; }
        [LoadColumn(4)] public float WindSpeed { get; set; }
        [LoadColumn(5), ColumnName("Label")] public float Rentals { get; set; }
    }

    internal static class Program
    {
        // Written by the data team's preparation job: concatenation and scaling, fitted on last year's data.
        private const string PreparationModelPath = "prep-pipeline.zip";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromTextFile<BikeRecord>(Path.Combine("Data", "bikes.csv"), separatorChar: ',', hasHeader: true);

            ITransformer preparation = mlContext.Model.Load(PreparationModelPath, out DataViewSchema _);
            IDataView prepared = preparation.Transform(data);

            var trainer = mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Label", featureColumnName: "Features");
            var model = trainer.Fit(prepared);
            mlContext.Model.Save(model, prepared.Schema, "demand-model.zip");
            Console.WriteLine(model.Model.Bias);
        }
    }
}
