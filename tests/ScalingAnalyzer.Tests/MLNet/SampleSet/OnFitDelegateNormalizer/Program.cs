using System;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace HeartOnFitNormalizer
{
    public class HeartData
    {
        [LoadColumn(0)] public float Age;
        [LoadColumn(1)] public float Cholesterol;
        [LoadColumn(2)] public float RestingBP;
        [LoadColumn(3)] public bool Label;
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext();
            var data = mlContext.Data.LoadFromTextFile<HeartData>("Data/heart.tsv", hasHeader: true);
            NormalizingTransformer normalizer = null;
            var pipeline = mlContext.Transforms.Concatenate("Features", "Age", "Cholesterol", "RestingBP")
                .Append(mlContext.Transforms.NormalizeMinMax("Features").WithOnFitDelegate(fitted => normalizer = fitted))
                .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron());
            var model = pipeline.Fit(data);
            Console.WriteLine(normalizer);
        }
    }
}
