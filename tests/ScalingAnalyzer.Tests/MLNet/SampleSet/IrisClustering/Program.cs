using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clustering_Iris
{
    public class IrisData
    {
        [LoadColumn(0)] public float SepalLength;
        [LoadColumn(1)] public float SepalWidth;
        [LoadColumn(2)] public float PetalLength;
        [LoadColumn(3)] public float PetalWidth;
    }

    internal static class Program
    {
        private static string AppPath => Path.GetDirectoryName(Environment.GetCommandLineArgs()[0]);
        private static string BaseDatasetsRelativePath = @"../../../../Data";
        private static string DataSetRealtivePath = $"{BaseDatasetsRelativePath}/iris-full.csv";
        private static string DataPath = GetAbsolutePath(DataSetRealtivePath);

        private static void Main(string[] args)
        {
            MLContext mlContext = new MLContext(seed: 1);
            IDataView fullData = mlContext.Data.LoadFromTextFile(path: DataPath,
                                                columns: new[]
                                                            {
                                                                new TextLoader.Column("Label", DataKind.Single, 0),
                                                                new TextLoader.Column(nameof(IrisData.SepalLength), DataKind.Single, 0),
                                                                new TextLoader.Column(nameof(IrisData.SepalWidth), DataKind.Single, 1),
                                                                new TextLoader.Column(nameof(IrisData.PetalLength), DataKind.Single, 2),
                                                                new TextLoader.Column(nameof(IrisData.PetalWidth), DataKind.Single, 3),
                                                            },
                                                hasHeader: false,
                                                separatorChar: ',');
            var trainingDataView = mlContext.Data.TrainTestSplit(fullData, testFraction: 0.2).TrainSet;
            var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", nameof(IrisData.SepalLength), nameof(IrisData.SepalWidth), nameof(IrisData.PetalLength), nameof(IrisData.PetalWidth));
            var trainer = mlContext.Clustering.Trainers.KMeans(featureColumnName: "Features", numberOfClusters: 3);
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            var trainedModel = trainingPipeline.Fit(trainingDataView);
            Console.WriteLine(trainedModel);
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
