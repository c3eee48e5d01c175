using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace PalmerPenguins
{
    public class PenguinData
    {
        [LoadColumn(0)] public string Species { get; set; }
        [LoadColumn(1)] public string Island { get; set; }
        [LoadColumn(2)] public float BillLength { get; set; }
        [LoadColumn(3)] public float BillDepth { get; set; }
        [LoadColumn(4)] public float FlipperLength { get; set; }
        [LoadColumn(5)] public float BodyMass { get; set; }
        [LoadColumn(6)] public string Sex { get; set; }
    }

    class Program
    {
        static readonly string _dataPath = Path.Combine(Environment.CurrentDirectory, "Data", "penguins.csv");

        static void Main(string[] args)
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<PenguinData>(_dataPath, hasHeader: true, separatorChar: ',');
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

            var numericColumns = new[] { nameof(PenguinData.BillLength), nameof(PenguinData.BillDepth), nameof(PenguinData.FlipperLength), nameof(PenguinData.BodyMass) };

            var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(PenguinData.Species))
                .Append(mlContext.Transforms.Categorical.OneHotEncoding("IslandEncoded", nameof(PenguinData.Island)))
                .Append(mlContext.Transforms.ReplaceMissingValues(nameof(PenguinData.BodyMass), replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean))
                .Append(mlContext.Transforms.Concatenate("Features", "IslandEncoded", nameof(PenguinData.BillLength), nameof(PenguinData.BillDepth), nameof(PenguinData.FlipperLength), nameof(PenguinData.BodyMass)))
                .Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy()) // SCALE002 expected
                .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"Micro accuracy {metrics.MicroAccuracy:P2}, log loss {metrics.LogLoss:0.000}");
        }
    }
}
