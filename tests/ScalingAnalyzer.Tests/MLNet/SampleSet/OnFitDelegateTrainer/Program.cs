using System;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HeartOnFit
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
            BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> linearModel = null;
            var pipeline = mlContext.Transforms.Concatenate("Features", "Age", "Cholesterol", "RestingBP")
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression() // SCALE002 expected
                    .WithOnFitDelegate(fitted => linearModel = fitted));
            var model = pipeline.Fit(data);
            Console.WriteLine(linearModel?.Model.SubModel.Bias);
        }
    }
}
