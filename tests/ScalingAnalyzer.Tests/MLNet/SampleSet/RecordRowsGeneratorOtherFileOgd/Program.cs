using System;
using Microsoft.ML;
using HouseRecords;

var mlContext = new MLContext(seed: 0);
var trainingData = mlContext.Data.LoadFromEnumerable(HouseGenerator.Generate(500, seed: 1));

var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseRecord.Size), nameof(HouseRecord.Bedrooms))
    .Append(mlContext.Transforms.CopyColumns("Label", nameof(HouseRecord.Price)));
var trainer = mlContext.Regression.Trainers.OnlineGradientDescent(numberOfIterations: 50); // SCALE002 expected

var model = pipeline.Append(trainer).Fit(trainingData);
var testData = mlContext.Data.LoadFromEnumerable(HouseGenerator.Generate(100, seed: 2));
Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(testData)).RootMeanSquaredError);
