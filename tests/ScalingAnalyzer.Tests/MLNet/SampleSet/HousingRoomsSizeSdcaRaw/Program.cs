using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HousingPricePrediction
{
    class Program
    {
        static void Main(string[] args)
        {
            var context = new MLContext();

            IDataView dataView = context.Data.LoadFromTextFile<HousingData>("Data/housing.csv", separatorChar: ',', hasHeader: true);

            var pipeline = context.Transforms.Concatenate("Features", new[] { "Rooms", "Size" })
                .Append(context.Regression.Trainers.Sdca(labelColumnName: "Price", maximumNumberOfIterations: 100)); // SCALE002 expected

            var model = pipeline.Fit(dataView);

            var predictionEngine = context.Model.CreatePredictionEngine<HousingData, HousingPrediction>(model);
            var newHouse = new HousingData { Rooms = 3, Size = 1600 };
            Console.WriteLine($"Predicted price: {predictionEngine.Predict(newHouse).Price}");

            EvaluateModel(context, model, dataView);
        }

        public static void EvaluateModel(MLContext context, ITransformer model, IDataView data)
        {
            var predictions = model.Transform(data);
            var metrics = context.Regression.Evaluate(predictions, labelColumnName: "Price");
            Console.WriteLine($"R-Squared: {metrics.RSquared}");
        }
    }
}
