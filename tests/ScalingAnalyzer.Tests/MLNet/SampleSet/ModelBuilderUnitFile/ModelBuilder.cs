using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IrisML.ConsoleApp
{
    public class ModelInput
    {
        [LoadColumn(0), ColumnName("Label")] public float Label { get; set; }
        [LoadColumn(1)] public float SepalLength { get; set; }
        [LoadColumn(2)] public float SepalWidth { get; set; }
        [LoadColumn(3)] public float PetalLength { get; set; }
        [LoadColumn(4)] public float PetalWidth { get; set; }
    }

    public static class ModelBuilder
    {
        private static string TRAIN_DATA_FILEPATH = GetAbsolutePath(@"Data/iris-train.tsv");
        private static string MODEL_FILEPATH = @"../../../../IrisML.Model/MLModel.zip";
        private static MLContext mlContext = new MLContext(seed: 1);

        public static void CreateModel()
        {
            IDataView trainingDataView = mlContext.Data.LoadFromTextFile<ModelInput>(
                                            path: TRAIN_DATA_FILEPATH,
                                            hasHeader: true,
                                            separatorChar: '\t',
                                            allowQuoting: true,
                                            allowSparse: false);
            IEstimator<ITransformer> trainingPipeline = BuildTrainingPipeline(mlContext);
            Evaluate(mlContext, trainingDataView, trainingPipeline);
            ITransformer mlModel = TrainModel(mlContext, trainingDataView, trainingPipeline);
            mlContext.Model.Save(mlModel, trainingDataView.Schema, GetAbsolutePath(MODEL_FILEPATH));
        }

        public static IEstimator<ITransformer> BuildTrainingPipeline(MLContext mlContext)
        {
            var dataProcessPipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Label")
                                      .Append(mlContext.Transforms.Concatenate("Features", new[] { "SepalLength", "SepalWidth", "PetalLength", "PetalWidth" }))
                                      .AppendCacheCheckpoint(mlContext);
            var trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "Label", featureColumnName: "Features")
                                      .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            return trainingPipeline;
        }

        public static ITransformer TrainModel(MLContext mlContext, IDataView trainingDataView, IEstimator<ITransformer> trainingPipeline)
        {
            Console.WriteLine("=============== Training  model ===============");
            ITransformer model = trainingPipeline.Fit(trainingDataView);
            Console.WriteLine("=============== End of training process ===============");
            return model;
        }

        private static void Evaluate(MLContext mlContext, IDataView trainingDataView, IEstimator<ITransformer> trainingPipeline)
        {
            var crossValidationResults = mlContext.MulticlassClassification.CrossValidate(trainingDataView, trainingPipeline, numberOfFolds: 5, labelColumnName: "Label");
            Console.WriteLine(crossValidationResults.Count);
        }

        public static string GetAbsolutePath(string relativePath)
        {
            FileInfo _dataRoot = new FileInfo(typeof(ModelBuilder).Assembly.Location);
            string assemblyFolderPath = _dataRoot.Directory.FullName;
            string fullPath = Path.Combine(assemblyFolderPath, relativePath);
            return fullPath;
        }
    }
}
