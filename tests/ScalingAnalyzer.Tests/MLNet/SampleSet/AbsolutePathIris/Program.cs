using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IrisClustering
{
    internal static class Program
    {
        private static readonly string BaseDatasetsPath = @"C:\Users\dev\source\repos\IrisClustering\IrisClustering\Data";
        private static readonly string DataPath = $"{BaseDatasetsPath}\\iris-full.txt";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);

            IDataView fullData = mlContext.Data.LoadFromTextFile(path: DataPath, columns: new[]
            {
                new TextLoader.Column("Label", DataKind.Single, 0),
                new TextLoader.Column("SepalLength", DataKind.Single, 1),
                new TextLoader.Column("SepalWidth", DataKind.Single, 2),
                new TextLoader.Column("PetalLength", DataKind.Single, 3),
                new TextLoader.Column("PetalWidth", DataKind.Single, 4),
            }, hasHeader: true, separatorChar: '\t');

            var trainTestData = mlContext.Data.TrainTestSplit(fullData, testFraction: 0.2);
            var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth");
            var trainer = mlContext.Clustering.Trainers.KMeans(featureColumnName: "Features", numberOfClusters: 3);
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            var trainedModel = trainingPipeline.Fit(trainTestData.TrainSet);

            var metrics = mlContext.Clustering.Evaluate(trainedModel.Transform(trainTestData.TestSet), scoreColumnName: "Score", featureColumnName: "Features");
            Console.WriteLine($"Average distance: {metrics.AverageDistance:F2}");
        }
    }
}
