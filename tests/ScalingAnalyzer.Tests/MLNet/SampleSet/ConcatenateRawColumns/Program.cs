using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BostonHousing
{
    public class HousingRecord
    {
        [LoadColumn(0)] public float CRIM { get; set; }
        [LoadColumn(1)] public float ZN { get; set; }
        [LoadColumn(2)] public float INDUS { get; set; }
        [LoadColumn(3)] public float RM { get; set; }
        [LoadColumn(4)] public float AGE { get; set; }
        [LoadColumn(5)] public float TAX { get; set; }
        [LoadColumn(6)] public float PTRATIO { get; set; }
        [LoadColumn(7)] public float MEDV { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext();
            var data = mlContext.Data.LoadFromTextFile<HousingRecord>(Path.Combine("Data", "housing.csv"), hasHeader: true, separatorChar: ',');
            var featureColumns = new[] { "CRIM", "ZN", "INDUS", "RM", "AGE", "TAX", "PTRATIO" };
            var pipeline = mlContext.Transforms.CopyColumns("Label", "MEDV")
                .Append(mlContext.Transforms.Concatenate("Features", featureColumns))
                .Append(mlContext.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options { NumberOfIterations = 50, LearningRate = 0.05f })); // SCALE002 expected
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }
    }
}
