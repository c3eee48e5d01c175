using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clustering_Iris
{
    internal static class Program
    {
        private static string BaseDatasetsRelativePath = @"../../../../Data";
        private static string DataSetRealtivePath = $"{BaseDatasetsRelativePath}/iris-full.txt";
        private static string DataPath = GetAbsolutePath(DataSetRealtivePath);
        private static IDataView trainingDataView;
        private static IDataView testingDataView;

        private static void Main(string[] args)
        {
            MLContext mlContext = new MLContext(seed: 1);
            IDataView fullData = mlContext.Data.LoadFromTextFile(path: DataPath,
                                                columns: new[]
                                                            {
                                                                new TextLoader.Column("SepalLength", DataKind.Single, 0),
                                                                new TextLoader.Column("SepalWidth", DataKind.Single, 1),
                                                                new TextLoader.Column("PetalLength", DataKind.Single, 2),
                                                                new TextLoader.Column("PetalWidth", DataKind.Single, 3),
                                                            },
                                                hasHeader: true,
                                                separatorChar: '\t');
            DataOperationsCatalog.TrainTestData trainTestData = mlContext.Data.TrainTestSplit(fullData, testFraction: 0.2);
            trainingDataView = trainTestData.TrainSet;
            testingDataView = trainTestData.TestSet;

            var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth");
            var trainer = mlContext.Clustering.Trainers.KMeans(featureColumnName: "Features", numberOfClusters: 3);
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            var trainedModel = trainingPipeline.Fit(trainingDataView);
            var metrics = mlContext.Clustering.Evaluate(trainedModel.Transform(testingDataView), scoreColumnName: "Score", featureColumnName: "Features");
            Console.WriteLine(metrics.AverageDistance);
        }

        public static string GetAbsolutePath(string relativePath)
        {
            FileInfo _dataRoot = new FileInfo(typeof(Program).Assembly.Location);
            string assemblyFolderPath = _dataRoot.Directory.FullName;
            string fullPath = Path.Combine(assemblyFolderPath, relativePath);
            return fullPath;
        }
    }
}
