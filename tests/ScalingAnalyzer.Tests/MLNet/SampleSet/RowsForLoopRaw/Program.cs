using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousePrices
{
    public class House
    {
        public float Size { get; set; }
        public float Bedrooms { get; set; }
        public float Price { get; set; }
    }

    public class PricePrediction
    {
        [ColumnName("Score")]
        public float Price { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var random = new Random(42);

            // 1. Make some training data
            var rows = new List<House>();
            for (int i = 0; i < 1000; i++)
            {
                float size = 500 + random.Next(0, 4500);
                float bedrooms = random.Next(1, 6);
                rows.Add(new House { Size = size, Bedrooms = bedrooms, Price = 100 * size + 5000 * bedrooms + random.Next(-10000, 10000) });
            }
            IDataView trainingData = mlContext.Data.LoadFromEnumerable(rows);

            // 2. Pipeline
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Bedrooms))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(House.Price), numberOfIterations: 50)); // SCALE002 expected

            // 3. Train and predict
            var model = pipeline.Fit(trainingData);
            var engine = mlContext.Model.CreatePredictionEngine<House, PricePrediction>(model);
            Console.WriteLine(engine.Predict(new House { Size = 2500, Bedrooms = 3 }).Price);
        }
    }
}
