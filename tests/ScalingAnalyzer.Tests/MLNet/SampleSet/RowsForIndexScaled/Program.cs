using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DeliveryTimes
{
    public class Delivery
    {
        public float DistanceMeters { get; set; }
        public float PackageGrams { get; set; }
        public float Minutes { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 2);
            var random = new Random(2);
            var rows = new List<Delivery>();
            for (int i = 0; i < 800; i++)
            {
                float distance = random.Next(100, 25000);
                float grams = random.Next(50, 30000);
                rows.Add(new Delivery { DistanceMeters = distance, PackageGrams = grams, Minutes = distance / 400 + grams / 5000 });
            }

            // Min-max scale both features with their own minimum and maximum before ML.NET sees them.
            var minDistance = rows.Min(r => r.DistanceMeters);
            var maxDistance = rows.Max(r => r.DistanceMeters);
            var minGrams = rows.Min(r => r.PackageGrams);
            var maxGrams = rows.Max(r => r.PackageGrams);
            for (int i = 0; i < rows.Count; i++)
            {
                rows[i].DistanceMeters = (rows[i].DistanceMeters - minDistance) / (maxDistance - minDistance);
                rows[i].PackageGrams = (rows[i].PackageGrams - minGrams) / (maxGrams - minGrams);
            }

            var data = mlContext.Data.LoadFromEnumerable(rows);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Delivery.DistanceMeters), nameof(Delivery.PackageGrams))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(Delivery.Minutes)));
            var model = pipeline.Fit(data);
            Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(Delivery.Minutes)).RootMeanSquaredError);
        }
    }
}
