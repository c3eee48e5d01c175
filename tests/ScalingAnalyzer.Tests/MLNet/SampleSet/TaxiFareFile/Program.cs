using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regression_TaxiFarePrediction
{
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

    internal static class Program
    {
        private static string BaseDatasetsRelativePath = @"../../../../Data";
        private static string TrainDataRelativePath = $"{BaseDatasetsRelativePath}/taxi-fare-train.csv";

        private static void Main(string[] args)
        {
            MLContext mlContext = new MLContext(seed: 0);
            IDataView baseTrainingDataView = mlContext.Data.LoadFromTextFile<TaxiTrip>(TrainDataRelativePath, hasHeader: true, separatorChar: ',');
            var dataProcessPipeline = mlContext.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(TaxiTrip.FareAmount))
                .Append(mlContext.Transforms.Categorical.OneHotEncoding(outputColumnName: "VendorIdEncoded", inputColumnName: nameof(TaxiTrip.VendorId)))
                .Append(mlContext.Transforms.Categorical.OneHotEncoding(outputColumnName: "RateCodeEncoded", inputColumnName: nameof(TaxiTrip.RateCode)))
                .Append(mlContext.Transforms.Categorical.OneHotEncoding(outputColumnName: "PaymentTypeEncoded", inputColumnName: nameof(TaxiTrip.PaymentType)))
                .Append(mlContext.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.PassengerCount)))
                .Append(mlContext.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripTime)))
                .Append(mlContext.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripDistance)))
                .Append(mlContext.Transforms.Concatenate("Features", "VendorIdEncoded", "RateCodeEncoded", "PaymentTypeEncoded", nameof(TaxiTrip.PassengerCount),
                    nameof(TaxiTrip.TripTime), nameof(TaxiTrip.TripDistance)));
            var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features");
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            var trainedModel = trainingPipeline.Fit(baseTrainingDataView);
            Console.WriteLine(trainedModel);
        }
    }
}
