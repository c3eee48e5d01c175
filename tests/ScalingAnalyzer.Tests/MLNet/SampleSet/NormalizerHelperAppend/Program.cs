using System;
using System.Collections.Generic;
using Microsoft.ML;

namespace EnergyUse
{
    public class Building
    {
        public float FloorArea { get; set; }
        public float YearBuilt { get; set; }
        public float Occupants { get; set; }
        public float Kwh { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 3);
            IDataView data = mlContext.Data.LoadFromEnumerable(MakeBuildings(800));

            IEstimator<ITransformer> pipeline = mlContext.Transforms.Concatenate("Features",
                nameof(Building.FloorArea), nameof(Building.YearBuilt), nameof(Building.Occupants));
            pipeline = AddScaling(mlContext, pipeline, "Features");
            pipeline = pipeline.Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Building.Kwh)));

            var model = pipeline.Fit(data);
            var metrics = mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(Building.Kwh));
            Console.WriteLine($"RMSE {metrics.RootMeanSquaredError:F1}");
        }

        private static IEstimator<ITransformer> AddScaling(MLContext mlContext, IEstimator<ITransformer> pipeline, string column)
            => pipeline.Append(mlContext.Transforms.NormalizeMinMax(column));

        private static IEnumerable<Building> MakeBuildings(int count)
        {
            var random = new Random(11);
            for (var i = 0; i < count; i++)
            {
                var area = 50f + random.Next(0, 950);
                var year = 1900f + random.Next(0, 120);
                var occupants = 1f + random.Next(0, 8);
                yield return new Building { FloorArea = area, YearBuilt = year, Occupants = occupants, Kwh = 20 * area + 300 * occupants };
            }
        }
    }
}
