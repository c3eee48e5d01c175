using System;
using System.IO;
using Microsoft.ML;
using MulticlassClassification_Iris.DataStructures;

namespace MulticlassClassification_Iris
{
    // The data file lives beside the project folder and is linked into it (<Content Include="..\Data\iris-train.txt" Link="Data\iris-train.txt" />).
    public static partial class Program
    {
        private static string BaseDatasetsRelativePath = @"../../../../Data";
        private static string TrainDataRelativePath = $"{BaseDatasetsRelativePath}/iris-train.txt";
        private static string TrainDataPath = GetAbsolutePath(TrainDataRelativePath);

        private static void Main(string[] args)
        {
            var mlContext = new MLContext(seed: 0);
            BuildTrainEvaluateAndSaveModel(mlContext);
        }

        private static void BuildTrainEvaluateAndSaveModel(MLContext mlContext)
        {
            var trainingDataView = mlContext.Data.LoadFromTextFile<IrisData>(TrainDataPath, hasHeader: true);
            var dataProcessPipeline = mlContext.Transforms.Conversion.MapValueToKey(outputColumnName: "KeyColumn", inputColumnName: nameof(IrisData.Label))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(IrisData.SepalLength),
                                                                   nameof(IrisData.SepalWidth),
                                                                   nameof(IrisData.PetalLength),
                                                                   nameof(IrisData.PetalWidth))
                                                       .AppendCacheCheckpoint(mlContext));
            var trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "KeyColumn", featureColumnName: "Features")
                .Append(mlContext.Transforms.Conversion.MapKeyToValue(outputColumnName: nameof(IrisData.Label), inputColumnName: "KeyColumn"));
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            ITransformer trainedModel = trainingPipeline.Fit(trainingDataView);
            Console.WriteLine(trainedModel);
        }
    }
}
