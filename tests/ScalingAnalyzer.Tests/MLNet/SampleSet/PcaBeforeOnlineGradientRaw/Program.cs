using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace StockReturns
{
    public class StockRow
    {
        [LoadColumn(0, 4)]
        [VectorType(5)]
        public float[] Features { get; set; }

        [LoadColumn(5)]
        public float Label { get; set; }
    }

    internal interface IAlgorithm
    {
        string Name { get; }
        IEstimator<ITransformer> GetEstimator(MLContext mlContext);
    }

    internal sealed class OnlineGradientDescentAlgorithm : IAlgorithm
    {
        public string Name => "Online Gradient Descent";

        public IEstimator<ITransformer> GetEstimator(MLContext mlContext)
        {
            IEstimator<ITransformer> estimator =
                mlContext.Transforms.ProjectToPrincipalComponents("Features", rank: 3)
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(numberOfIterations: 100)); // SCALE002 expected
            return estimator;
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 7);
            var data = mlContext.Data.LoadFromTextFile<StockRow>(Path.Combine(AppContext.BaseDirectory, "Data", "stocks.csv"), separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            IAlgorithm algorithm = new OnlineGradientDescentAlgorithm();
            var estimator = algorithm.GetEstimator(mlContext);
            Console.WriteLine($"Training model with algorithm \"{algorithm.Name}\"");
            var model = estimator.Fit(split.TrainSet);
            var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"R2: {metrics.RSquared:0.###}");
        }
    }
}
