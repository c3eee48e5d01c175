using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SpamDetection
{
    public class SpamInput
    {
        [LoadColumn(0)] public string Label { get; set; }
        [LoadColumn(1)] public string Message { get; set; }
    }

    internal static class Program
    {
        private static readonly string DataPath = "Data/messages.tsv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<SpamInput>(path: DataPath, hasHeader: true, separatorChar: '\t');

            // Featurize the text, then scale every row to unit length
            var dataProcessPipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Label")
                .Append(mlContext.Transforms.Text.FeaturizeText("FeaturesText", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
                {
                    WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                    CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                }, "Message"))
                .Append(mlContext.Transforms.CopyColumns("Features", "FeaturesText"))
                .Append(mlContext.Transforms.NormalizeLpNorm("Features", "Features"))
                .AppendCacheCheckpoint(mlContext);

            var trainer = mlContext.MulticlassClassification.Trainers.OneVersusAll(
                    mlContext.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: "Label", numberOfIterations: 10, featureColumnName: "Features"),
                    labelColumnName: "Label")
                .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));
            var trainingPipeline = dataProcessPipeline.Append(trainer);

            var crossValidationResults = mlContext.MulticlassClassification.CrossValidate(data, trainingPipeline, numberOfFolds: 5);
            foreach (var result in crossValidationResults)
                Console.WriteLine($"Fold {result.Fold}: micro accuracy {result.Metrics.MicroAccuracy:P1}");
        }
    }
}
