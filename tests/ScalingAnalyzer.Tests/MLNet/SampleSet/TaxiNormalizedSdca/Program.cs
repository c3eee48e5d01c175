using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace TaxiFarePrediction;

public class TaxiTrip
{
    [LoadColumn(0)] public string VendorId;
    [LoadColumn(1)] public string RateCode;
    [LoadColumn(2)] public float PassengerCount;
    [LoadColumn(3)] public float TripTime;
    [LoadColumn(4)] public float TripDistance;
    [LoadColumn(5)] public string PaymentType;
    [LoadColumn(6)] public float FareAmount;
}

public class TaxiTripFarePrediction
{
    [ColumnName("Score")] public float FareAmount;
}

internal static class Program
{
    private static readonly string BaseDatasetsRelativePath = "Data";
    private static readonly string TrainDataPath = Path.Combine(AppContext.BaseDirectory, BaseDatasetsRelativePath, "taxi-fare-train.csv");

    private static void Main()
    {
        var mlContext = new MLContext(seed: 0);
        IDataView baseTrainingDataView = mlContext.Data.LoadFromTextFile<TaxiTrip>(TrainDataPath, hasHeader: true, separatorChar: ',');
        var dataProcessPipeline = mlContext.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(TaxiTrip.FareAmount))
            .Append(mlContext.Transforms.Categorical.OneHotEncoding(outputColumnName: "VendorIdEncoded", inputColumnName: nameof(TaxiTrip.VendorId)))
            .Append(mlContext.Transforms.Categorical.OneHotEncoding(outputColumnName: "RateCodeEncoded", inputColumnName: nameof(TaxiTrip.RateCode)))
            .Append(mlContext.Transforms.Categorical.OneHotEncoding(outputColumnName: "PaymentTypeEncoded", inputColumnName: nameof(TaxiTrip.PaymentType)))
            .Append(mlContext.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.PassengerCount)))
            .Append(mlContext.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripTime)))
            .Append(mlContext.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripDistance)))
            .Append(mlContext.Transforms.Concatenate("Features", "VendorIdEncoded", "RateCodeEncoded", "PaymentTypeEncoded", nameof(TaxiTrip.PassengerCount), nameof(TaxiTrip.TripTime), nameof(TaxiTrip.TripDistance)));
        var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features");
        var trainingPipeline = dataProcessPipeline.Append(trainer);
        var trainedModel = trainingPipeline.Fit(baseTrainingDataView);
        var engine = mlContext.Model.CreatePredictionEngine<TaxiTrip, TaxiTripFarePrediction>(trainedModel);
        Console.WriteLine(engine.Predict(new TaxiTrip { VendorId = "VTS", RateCode = "1", PassengerCount = 1, TripTime = 1140, TripDistance = 3.75f, PaymentType = "CRD" }).FareAmount);
    }
}
