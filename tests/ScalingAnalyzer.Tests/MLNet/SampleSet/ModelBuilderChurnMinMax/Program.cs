using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using ChurnML.Model;

namespace ChurnML.ConsoleApp;

public static class ModelBuilder
{
    private static string TRAIN_DATA_FILEPATH = @"Data\churn.csv";
    private static MLContext mlContext = new MLContext(seed: 1);

    public static void CreateModel()
    {
        IDataView trainingDataView = mlContext.Data.LoadFromTextFile<ModelInput>(
                                        path: TRAIN_DATA_FILEPATH,
                                        hasHeader: true,
                                        separatorChar: ',',
                                        allowQuoting: true,
                                        allowSparse: false);
        IEstimator<ITransformer> trainingPipeline = BuildTrainingPipeline(mlContext);
        ITransformer mlModel = TrainModel(mlContext, trainingDataView, trainingPipeline);
        Console.WriteLine(mlModel);
    }

    public static IEstimator<ITransformer> BuildTrainingPipeline(MLContext mlContext)
    {
        var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", new[] { "tenure", "monthly_charges", "total_charges" })
                                  .Append(mlContext.Transforms.NormalizeMinMax("Features", "Features"));
        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "churn", featureColumnName: "Features");
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
}

public static class Program
{
    public static void Main() => ModelBuilder.CreateModel();
}
