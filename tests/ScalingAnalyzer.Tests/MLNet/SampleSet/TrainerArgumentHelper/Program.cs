using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace RealEstate
{
    public class HouseData
    {
        [LoadColumn(0)] public float Size;
        [LoadColumn(1)] public float Bedrooms;
        [LoadColumn(2)] public float Age;
        [LoadColumn(3), ColumnName("Label")] public float Price;
    }

    internal static class Program
    {
        private static readonly string TrainDataPath = Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            IDataView data = mlContext.Data.LoadFromTextFile<HouseData>(TrainDataPath, hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            Evaluate(mlContext, "SDCA", mlContext.Regression.Trainers.Sdca(), split.TrainSet, split.TestSet); // SCALE002 expected
            Evaluate(mlContext, "Online gradient descent", mlContext.Regression.Trainers.OnlineGradientDescent(), split.TrainSet, split.TestSet); // SCALE002 expected
        }

        private static void Evaluate(MLContext mlContext, string name, IEstimator<ITransformer> trainer, IDataView trainSet, IDataView testSet)
        {
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Bedrooms), nameof(HouseData.Age))
                .Append(trainer);
            var model = pipeline.Fit(trainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(testSet));
            Console.WriteLine($"{name}: R^2 {metrics.RSquared:0.###}, RMSE {metrics.RootMeanSquaredError:0.#}");
        }
    }
}
