using System;
using System.IO;
using GitHubIssueClassification.Models;
using Microsoft.ML;

var appPath = Path.GetDirectoryName(Environment.GetCommandLineArgs()[0]);
var trainDataPath = Path.Combine(appPath, "..", "..", "..", "Data", "issues_train.tsv");
var modelPath = Path.Combine(appPath, "..", "..", "..", "Models", "model.zip");

MLContext context;
PredictionEngine<GitHubIssue, IssuePrediction> predEngine;
ITransformer trainedModel;
IDataView dataView;

context = new MLContext(seed: 0);

dataView = context.Data.LoadFromTextFile<GitHubIssue>(trainDataPath, hasHeader: true);
var pipeline = ProcessData();
var trainingPipeline = BuildAndTrainModel(dataView, pipeline);
context.Model.Save(trainedModel, dataView.Schema, modelPath);

IEstimator<ITransformer> ProcessData()
{
    var data = context.Transforms.Conversion.MapValueToKey(inputColumnName: "Area", outputColumnName: "Label")
        .Append(context.Transforms.Text.FeaturizeText(inputColumnName: "Title", outputColumnName: "TitleFeaturized"))
        .Append(context.Transforms.Text.FeaturizeText(inputColumnName: "Description", outputColumnName: "DescriptionFeaturized"))
        .Append(context.Transforms.Concatenate("Features", "TitleFeaturized", "DescriptionFeaturized"))
        .AppendCacheCheckpoint(context);
    return data;
}

IEstimator<ITransformer> BuildAndTrainModel(IDataView trainingDataView, IEstimator<ITransformer> pipeline)
{
    var model = pipeline.Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features"))
        .Append(context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    trainedModel = model.Fit(trainingDataView);
    predEngine = context.Model.CreatePredictionEngine<GitHubIssue, IssuePrediction>(trainedModel);
    var issue = new GitHubIssue
    {
        Title = "WebSockets communication is slow in my machine",
        Description = "The WebSockets communication used under the covers by SignalR looks like is going slow in my development machine.."
    };
    var prediction = predEngine.Predict(issue);
    Console.WriteLine($"=============== Single Prediction just-trained-model - Result: {prediction.Area} ===============");
    return model;
}
