using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace mnist
{
    internal class Program
    {
        private static string BaseDatasetsRelativePath = @"../../../Data";
        private static string TrainDataRelativePath = $"{BaseDatasetsRelativePath}/optdigits-train.csv";
        private static string TrainDataPath = GetAbsolutePath(TrainDataRelativePath);

        private static void Main(string[] args)
        {
            MLContext mlContext = new MLContext();
            var trainData = mlContext.Data.LoadFromTextFile(path: TrainDataPath,
                    columns: new[]
                    {
                        new TextLoader.Column(nameof(InputData.PixelValues), DataKind.Single, 0, 63),
                        new TextLoader.Column("Number", DataKind.Single, 64)
                    },
                    hasHeader: false,
                    separatorChar: ',');
            var dataProcessPipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Number", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
                .Append(mlContext.Transforms.Concatenate("Features", nameof(InputData.PixelValues)).AppendCacheCheckpoint(mlContext));
            var trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "Label", featureColumnName: "Features"); // SCALE002 expected
            var trainingPipeline = dataProcessPipeline.Append(trainer)
                .Append(mlContext.Transforms.Conversion.MapKeyToValue("Number", "Label"));
            ITransformer trainedModel = trainingPipeline.Fit(trainData);
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

    class InputData
    {
        [ColumnName("PixelValues")]
        [VectorType(64)]
        public float[] PixelValues;

        [LoadColumn(64)]
        public float Number;
    }
}
