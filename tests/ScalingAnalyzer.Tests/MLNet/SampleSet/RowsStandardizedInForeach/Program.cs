using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousePrices
{
    public class HouseData
    {
        public float Size { get; set; }
        public float Rooms { get; set; }
        public float YearBuilt { get; set; }
        [ColumnName("Label")] public float Price { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var houses = new List<HouseData>();
            foreach (var line in File.ReadAllLines(Path.Combine("Data", "houses.csv")).Skip(1))
            {
                var fields = line.Split(',');
                houses.Add(new HouseData
                {
                    Size = float.Parse(fields[0], CultureInfo.InvariantCulture),
                    Rooms = float.Parse(fields[1], CultureInfo.InvariantCulture),
                    YearBuilt = float.Parse(fields[2], CultureInfo.InvariantCulture),
                    Price = float.Parse(fields[3], CultureInfo.InvariantCulture),
                });
            }

            // Standardize the features with the training rows' own mean and standard deviation.
            var meanSize = houses.Average(h => h.Size);
            var stdSize = (float)Math.Sqrt(houses.Average(h => Math.Pow(h.Size - meanSize, 2)));
            var meanYear = houses.Average(h => h.YearBuilt);
            var stdYear = (float)Math.Sqrt(houses.Average(h => Math.Pow(h.YearBuilt - meanYear, 2)));
            foreach (var house in houses)
            {
                house.Size = (house.Size - meanSize) / stdSize;
                house.YearBuilt = (house.YearBuilt - meanYear) / stdYear;
            }

            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromEnumerable(houses);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.YearBuilt))
                .Append(mlContext.Regression.Trainers.Sdca());
            var model = pipeline.Fit(data);
            var metrics = mlContext.Regression.Evaluate(model.Transform(data));
            Console.WriteLine($"R2 {metrics.RSquared:F3}");
        }
    }
}
