using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BikeDemand
{
    public class BikeRecord
    {
        [LoadColumn(0)] public float Season { get; set; }
        [LoadColumn(1)] public float Hour { get; set; }
        [LoadColumn(2)] public float Temperature { get; set; }
        [LoadColumn(3)] public float Humidity { get; set; }
        [LoadColumn(4)] public float WindSpeed { get; set; }
        [LoadColumn(5), ColumnName("Label")] public float Rentals { get; set; }
    }

    internal sealed class FeatureEngineering
    {
        private readonly MLContext _mlContext;

        public FeatureEngineering(MLContext mlContext) => _mlContext = mlContext;

        public ITransformer FitFeatures(IDataView rawData)
        {
            var featurePipeline = _mlContext.Transforms.Concatenate("Features", "Season", "Hour", "Temperature", "Humidity", "WindSpeed")
                .Append(_mlContext.Transforms.NormalizeMeanVariance("Features"));
            return featurePipeline.Fit(rawData);
        }
    }

    internal sealed class DemandTrainer
    {
        private readonly MLContext _mlContext;

        public DemandTrainer(MLContext mlContext) => _mlContext = mlContext;

        public RegressionMetrics TrainAndEvaluate(ITransformer features, IDataView trainSet, IDataView testSet)
        {
            IDataView featurizedTrain = features.Transform(trainSet);
            var trainer = _mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features");
            var model = trainer.Fit(featurizedTrain);
            return _mlContext.Regression.Evaluate(model.Transform(features.Transform(testSet)));
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromTextFile<BikeRecord>(Path.Combine("Data", "bikes.csv"), separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            ITransformer features = new FeatureEngineering(mlContext).FitFeatures(split.TrainSet);
            var metrics = new DemandTrainer(mlContext).TrainAndEvaluate(features, split.TrainSet, split.TestSet);
            Console.WriteLine($"R^2 {metrics.RSquared:0.###}");
        }
    }
}
