using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.HousePrices
{
    public static class Program
    {
        public static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var trainingData = mlContext.Data.LoadFromEnumerable(GenerateHouses(1000));
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(House.Price))); // SCALE002 expected
            var model = pipeline.Fit(trainingData);
            Console.WriteLine(model);
        }

        private static IEnumerable<House> GenerateHouses(int count, int seed = 0)
        {
            var random = new Random(seed);
            for (int i = 0; i < count; i++)
            {
                var size = random.Next(500, 5000);
                var rooms = random.Next(1, 8);
                yield return new House
                {
                    Size = size,
                    Rooms = rooms,
                    Price = 50_000f + size * 120f + (float)random.NextDouble() * 10_000f,
                };
            }
        }

        private class House
        {
            public float Size { get; set; }
            public float Rooms { get; set; }
            public float Price { get; set; }
        }
    }
}
