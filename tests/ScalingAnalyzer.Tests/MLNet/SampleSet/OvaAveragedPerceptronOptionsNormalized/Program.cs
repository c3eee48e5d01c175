using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

public class GlassSample
{
    [LoadColumn(0)] public float RefractiveIndex;
    [LoadColumn(1)] public float Sodium;
    [LoadColumn(2)] public float Magnesium;
    [LoadColumn(3)] public float Silicon;
    [LoadColumn(4)] public string GlassType = "";
}

public static class Program
{
    private static readonly string TrainDataPath = Path.Combine(AppContext.BaseDirectory, "Data", "glass.csv");

    public static void Main()
    {
        var context = new MLContext(seed: 7);
        var data = context.Data.LoadFromTextFile<GlassSample>(TrainDataPath, hasHeader: true, separatorChar: ',');

        var perceptronOptions = new AveragedPerceptronTrainer.Options
        {
            LossFunction = new SmoothedHingeLoss(),
            LearningRate = 0.1f,
            NumberOfIterations = 25,
        };
        var binary = context.BinaryClassification.Trainers.AveragedPerceptron(perceptronOptions);

        var pipeline = context.Transforms.Conversion.MapValueToKey("Label", nameof(GlassSample.GlassType))
            .Append(context.Transforms.Concatenate("Features", nameof(GlassSample.RefractiveIndex), nameof(GlassSample.Sodium), nameof(GlassSample.Magnesium), nameof(GlassSample.Silicon)))
            .Append(context.Transforms.NormalizeMeanVariance("Features"))
            .Append(context.MulticlassClassification.Trainers.OneVersusAll(binary, useProbabilities: false))
            .Append(context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var model = pipeline.Fit(data);
        var metrics = context.MulticlassClassification.Evaluate(model.Transform(data));
        Console.WriteLine($"Micro accuracy {metrics.MicroAccuracy:0.000}");
    }
}
