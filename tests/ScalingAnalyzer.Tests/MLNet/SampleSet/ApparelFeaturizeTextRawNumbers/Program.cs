using System;
using Microsoft.ML;
using Microsoft.ML.Data;

public class ReturnInput
{
    [LoadColumn(0)] public string Description { get; set; } = "";
    [LoadColumn(1)] public float Price { get; set; }
    [LoadColumn(2)] public float DaysSinceOrder { get; set; }
    [LoadColumn(3)] public bool Returned { get; set; }
}

public static class Program
{
    public static void Main(string[] args)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<ReturnInput>("Data/returns.tsv", hasHeader: true);

        var featurize = ml.Transforms.Text.FeaturizeText("DescriptionFeatures", nameof(ReturnInput.Description))
            .Append(ml.Transforms.Concatenate("Features", "DescriptionFeatures", nameof(ReturnInput.Price), nameof(ReturnInput.DaysSinceOrder)));
        var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(ReturnInput.Returned)); // SCALE002 expected

        var model = featurize.Append(trainer).Fit(data);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data), labelColumnName: nameof(ReturnInput.Returned));
        Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:P1}");
    }
}
