using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;

namespace FuelEfficiency
{
    public class CarRecord
    {
        public float Horsepower { get; set; }
        public float Weight { get; set; }
        public float Acceleration { get; set; }
        public float Mpg { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var cars = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "auto-mpg.csv"))
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(parts => new CarRecord
                {
                    Horsepower = float.Parse(parts[0], CultureInfo.InvariantCulture),
                    Weight = float.Parse(parts[1], CultureInfo.InvariantCulture),
                    Acceleration = float.Parse(parts[2], CultureInfo.InvariantCulture),
                    Mpg = float.Parse(parts[3], CultureInfo.InvariantCulture),
                })
                .ToList();
            IDataView data = mlContext.Data.LoadFromEnumerable(cars);

            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(CarRecord.Horsepower), nameof(CarRecord.Weight), nameof(CarRecord.Acceleration))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(CarRecord.Mpg))); // SCALE002 expected
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }
    }
}
