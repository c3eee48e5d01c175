using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EnergyUse
{
    public record Building(float AreaSqFt, float YearBuilt, float Occupants, float KilowattHours);

    internal static class Program
    {
        private static List<Building> MakeBuildings(int count)
        {
            var random = new Random(5);
            var buildings = new List<Building>();
            for (var i = 0; i < count; i++)
            {
                float area = 800 + random.Next(0, 9000);
                float year = random.Next(1920, 2022);
                float occupants = random.Next(1, 40);
                buildings.Add(new Building(area, year, occupants, 3.1f * area + 40 * occupants));
            }
            return buildings;
        }

        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            IDataView data = mlContext.Data.LoadFromEnumerable(MakeBuildings(1000));

            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Building.AreaSqFt), nameof(Building.YearBuilt), nameof(Building.Occupants))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(Building.KilowattHours))); // SCALE002 expected

            var model = pipeline.Fit(data);
            Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(Building.KilowattHours)).RSquared);
        }
    }
}
