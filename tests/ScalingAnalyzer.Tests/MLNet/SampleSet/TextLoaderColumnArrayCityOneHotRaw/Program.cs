using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace RentPrediction
{
    public static class Program
    {
        private static readonly string DataPath = Path.Combine(Environment.CurrentDirectory, "Data", "rents.csv");

        public static void Main()
        {
            var mlContext = new MLContext(seed: 1);

            // The columns are described in code rather than by a class with [LoadColumn] attributes.
            var columns = new[]
            {
                new TextLoader.Column("City", DataKind.String, 0),
                new TextLoader.Column("FloorArea", DataKind.Single, 1),
                new TextLoader.Column("PlotArea", DataKind.Single, 2),
                new TextLoader.Column("Rent", DataKind.Single, 3),
            };
            IDataView data = mlContext.Data.LoadFromTextFile(DataPath, columns, separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            var pipeline = mlContext.Transforms.Categorical.OneHotEncoding("CityEncoded", "City")
                .Append(mlContext.Transforms.Concatenate("Features", "CityEncoded", "FloorArea", "PlotArea"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Rent", featureColumnName: "Features")); // SCALE002 expected

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: "Rent");
            Console.WriteLine($"R^2: {metrics.RSquared:0.###}  RMSE: {metrics.RootMeanSquaredError:0.##}");
        }
    }
}
