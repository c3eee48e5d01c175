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

        // Text and numbers are joined first; the whole vector is then scaled to [0, 1].
        var pipeline = ml.Transforms.Text.FeaturizeText("DescriptionFeatures", nameof(ReturnInput.Description))
            .Append(ml.Transforms.Concatenate("Features", "DescriptionFeatures", nameof(ReturnInput.Price), nameof(ReturnInput.DaysSinceOrder)))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(ReturnInput.Returned)));

        var cv = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 3, labelColumnName: nameof(ReturnInput.Returned));
        foreach (var fold in cv)
            Console.WriteLine($"fold {fold.Fold}: AUC {fold.Metrics.AreaUnderRocCurve:P1}");
    }
}
