using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousePrices
{
    public class HouseRecord
    {
        public float Size { get; set; }
        public float Rooms { get; set; }
        public float YearBuilt { get; set; }
        public float Price { get; set; }
    }

    public class HouseFeatures
    {
        public float Size { get; set; }
        public float Rooms { get; set; }
        public float Year { get; set; }
        [ColumnName("Label")] public float Price { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var records = File.ReadLines(Path.Combine("Data", "houses.csv"))
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(parts => new HouseRecord
                {
                    Size = float.Parse(parts[0], CultureInfo.InvariantCulture),
                    Rooms = float.Parse(parts[1], CultureInfo.InvariantCulture),
                    YearBuilt = float.Parse(parts[2], CultureInfo.InvariantCulture),
                    Price = float.Parse(parts[3], CultureInfo.InvariantCulture),
                })
                .ToList();

            var meanSize = records.Average(r => r.Size);
            var stdSize = Math.Sqrt(records.Sum(r => (r.Size - meanSize) * (r.Size - meanSize)) / (records.Count - 1));
            var maxRooms = records.Max(r => r.Rooms);
            var meanYear = records.Average(r => r.YearBuilt);
            var stdYear = Math.Sqrt(records.Select(r => Math.Pow(r.YearBuilt - meanYear, 2)).Average());

            var standardized = records.Select(r => new HouseFeatures
            {
                Size = (float)((r.Size - meanSize) / stdSize),
                Rooms = r.Rooms / maxRooms,
                Year = (float)((r.YearBuilt - meanYear) / stdYear),
                Price = r.Price,
            }).ToList();

            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromEnumerable(standardized);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseFeatures.Size), nameof(HouseFeatures.Rooms), nameof(HouseFeatures.Year))
                .Append(mlContext.Regression.Trainers.Sdca());
            var model = pipeline.Fit(data);
            var metrics = mlContext.Regression.Evaluate(model.Transform(data));
            Console.WriteLine($"R2 {metrics.RSquared:F3}");
        }
    }
}
