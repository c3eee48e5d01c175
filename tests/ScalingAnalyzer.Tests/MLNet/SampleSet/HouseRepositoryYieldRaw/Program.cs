using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousePrices
{
    public class HouseRecord
    {
        public float SquareFeet { get; set; }
        public float YearBuilt { get; set; }
        public float LotSize { get; set; }

        [ColumnName("Label")]
        public float Price { get; set; }
    }

    /// <summary>Stands in for the listings table until the database is wired up.</summary>
    internal sealed class ListingsRepository
    {
        public IEnumerable<HouseRecord> GetSoldListings()
        {
            yield return new HouseRecord { SquareFeet = 1450, YearBuilt = 1978, LotSize = 6500, Price = 245000 };
            yield return new HouseRecord { SquareFeet = 2100, YearBuilt = 1995, LotSize = 8200, Price = 339000 };
            yield return new HouseRecord { SquareFeet = 980, YearBuilt = 1962, LotSize = 4300, Price = 168000 };
            yield return new HouseRecord { SquareFeet = 3200, YearBuilt = 2008, LotSize = 12000, Price = 512000 };
            yield return new HouseRecord { SquareFeet = 1720, YearBuilt = 1986, LotSize = 7000, Price = 281000 };
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var repository = new ListingsRepository();
            IDataView trainingData = mlContext.Data.LoadFromEnumerable(repository.GetSoldListings());

            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseRecord.SquareFeet), nameof(HouseRecord.YearBuilt), nameof(HouseRecord.LotSize))
                .Append(mlContext.Regression.Trainers.Sdca(maximumNumberOfIterations: 100)); // SCALE002 expected

            var model = pipeline.Fit(trainingData);
            var engine = mlContext.Model.CreatePredictionEngine<HouseRecord, HousePrediction>(model);
            Console.WriteLine(engine.Predict(new HouseRecord { SquareFeet = 1800, YearBuilt = 1990, LotSize = 7200 }).Price);
        }
    }

    public class HousePrediction
    {
        [ColumnName("Score")]
        public float Price { get; set; }
    }
}
