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
        public float Age { get; set; }
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

            // Scale in .NET before handing the rows to ML.NET
            var maxSize = records.Max(r => r.Size);
            var maxRooms = records.Max(r => r.Rooms);
            var minYear = records.Min(r => r.YearBuilt);
            var maxYear = records.Max(r => r.YearBuilt);
            var scaled = records.Select(r => new HouseFeatures
            {
                Size = r.Size / maxSize,
                Rooms = r.Rooms / maxRooms,
                Age = 2024 - r.YearBuilt,
                Price = r.Price,
            }).ToList();

            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromEnumerable(scaled);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseFeatures.Size), nameof(HouseFeatures.Rooms), nameof(HouseFeatures.Age))
                .Append(mlContext.Regression.Trainers.Sdca()); // SCALE002 expected
            var model = pipeline.Fit(data);
            var metrics = mlContext.Regression.Evaluate(model.Transform(data));
            Console.WriteLine($"R2 {metrics.RSquared:F3}");
        }
    }
}
