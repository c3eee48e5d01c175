using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

var mlContext = new MLContext(seed: 0);
var dataPath = Path.Combine(Environment.CurrentDirectory, "Data", "diabetes.csv");
IDataView data = mlContext.Data.LoadFromTextFile<DiabetesData>(dataPath, hasHeader: true, separatorChar: ',');
var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

var intColumns = new[]
{
    new InputOutputColumnPair("Pregnancies"), new InputOutputColumnPair("Glucose"), new InputOutputColumnPair("BloodPressure"),
    new InputOutputColumnPair("SkinThickness"), new InputOutputColumnPair("Insulin"), new InputOutputColumnPair("Age"),
};

var pipeline = mlContext.Transforms.Conversion.ConvertType(intColumns, DataKind.Single)
    .Append(mlContext.Transforms.Concatenate("Features", "Pregnancies", "Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI", "DiabetesPedigreeFunction", "Age"))
    .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()); // SCALE002 expected

var model = pipeline.Fit(split.TrainSet);
var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"Accuracy {metrics.Accuracy:P2}, AUC {metrics.AreaUnderRocCurve:P2}");
