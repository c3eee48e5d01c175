using System;
using Microsoft.ML;
using Microsoft.ML.Data;

public class Program
{
    static void Main(string[] args)
    {
        MLContext mlContext = new MLContext();

        LaptopData[] laptopData =
        {
            new LaptopData() { RAM = 8, StorageGb = 256, Price = 800 },
            new LaptopData() { RAM = 16, StorageGb = 512, Price = 1100 },
            new LaptopData() { RAM = 32, StorageGb = 1024, Price = 1600 },
            new LaptopData() { RAM = 64, StorageGb = 2048, Price = 2600 },
        };

        IDataView trainingData = mlContext.Data.LoadFromEnumerable(laptopData);

        var pipeline = mlContext.Transforms.Concatenate("Features",
            new[] { "RAM", "StorageGb" }).Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Price", maximumNumberOfIterations: 100)); // SCALE002 expected

        var model = pipeline.Fit(trainingData);

        LaptopData query = new LaptopData() { RAM = 24, StorageGb = 512 };
        Prediction price = mlContext.Model.CreatePredictionEngine<LaptopData, Prediction>(model).Predict(query);
        Console.WriteLine($"Predicted price for {query.RAM} GB RAM: {price.Price:C}");
    }

    public class LaptopData
    {
        public float RAM { get; set; }
        public float StorageGb { get; set; }
        public float Price { get; set; }
    }

    public class Prediction
    {
        [ColumnName("Score")]
        public float Price { get; set; }
    }
}
