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
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            IDataView data = mlContext.Data.LoadFromTextFile<HouseData>(Path.Combine("Data", "houses.csv"), hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var sdca = mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features");
            var ogd = mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Label", featureColumnName: "Features");
            TrainAndEvaluate(mlContext, sdca, split);
            TrainAndEvaluate(mlContext, ogd, split);
        }

        private static void TrainAndEvaluate(MLContext mlContext, IEstimator<ITransformer> trainer, DataOperationsCatalog.TrainTestData split)
        {
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Bedrooms), nameof(HouseData.Age))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                .AppendCacheCheckpoint(mlContext)
                .Append(trainer);
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"{trainer}: R^2 {metrics.RSquared:0.###}");
        }
    }
}
