using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace TextClassification.Starter;

public class ModelInput
{
    [LoadColumn(0)] public string Category { get; set; } = "";
    [LoadColumn(1)] public string SubCategory { get; set; } = "";
    [LoadColumn(2)] public string Title { get; set; } = "";
    [LoadColumn(3)] public string Description { get; set; } = "";
    [LoadColumn(4)] public float Price { get; set; }
}

public class ModelOutput
{
    [ColumnName("PredictedLabel")] public string Category { get; set; } = "";
}

public static class Program
{
    private static readonly string AssetsPath = Path.Combine(AppContext.BaseDirectory, "Data");

    public static void Main()
    {
        var mlContext = new MLContext(seed: 0);
        var data = mlContext.Data.LoadFromTextFile<ModelInput>(Path.Combine(AssetsPath, "apparel.csv"), hasHeader: true, separatorChar: ',');
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(ModelInput.Category))
            .Append(mlContext.Transforms.Text.FeaturizeText("TitleFeatures", nameof(ModelInput.Title)))
            .Append(mlContext.Transforms.Text.FeaturizeText("DescriptionFeatures", nameof(ModelInput.Description)))
            .Append(mlContext.Transforms.NormalizeMeanVariance("PriceNormalized", nameof(ModelInput.Price)))
            .Append(mlContext.Transforms.Concatenate("Features", "TitleFeatures", "DescriptionFeatures", "PriceNormalized"))
            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var model = pipeline.Fit(split.TrainSet);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"Macro accuracy {metrics.MacroAccuracy:P2}");
    }
}
