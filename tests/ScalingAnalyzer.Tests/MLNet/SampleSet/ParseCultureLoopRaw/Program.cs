using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;

namespace UsedCarPrices
{
    public class CarListing
    {
        public float Year { get; set; }
        public float Mileage { get; set; }
        public float EngineCc { get; set; }
        public float PowerHp { get; set; }
        public float Price { get; set; }
    }

    internal static class Program
    {
        private static List<CarListing> ReadListings(string path)
        {
            var listings = new List<CarListing>();
            foreach (var line in File.ReadAllLines(path).Skip(1))
            {
                var fields = line.Split(',');
                listings.Add(new CarListing
                {
                    Year = float.Parse(fields[0], CultureInfo.InvariantCulture),
                    Mileage = float.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture),
                    EngineCc = float.Parse(fields[2], CultureInfo.InvariantCulture),
                    PowerHp = float.Parse(fields[3], CultureInfo.InvariantCulture),
                    Price = (float)double.Parse(fields[4], CultureInfo.InvariantCulture),
                });
            }
            return listings;
        }

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var listings = ReadListings(Path.Combine(AppContext.BaseDirectory, "Data", "used_cars.csv"));
            var data = mlContext.Data.LoadFromEnumerable(listings);

            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(CarListing.Year), nameof(CarListing.Mileage), nameof(CarListing.EngineCc), nameof(CarListing.PowerHp))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(CarListing.Price))); // SCALE002 expected

            var model = pipeline.Fit(data);
            Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(CarListing.Price)).MeanAbsoluteError);
        }
    }
}
