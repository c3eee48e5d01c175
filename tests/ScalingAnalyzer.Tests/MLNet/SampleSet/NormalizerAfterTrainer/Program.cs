using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

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
        [LoadColumn(7), ColumnName("Label")] public float MEDV { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<HousingRecord>("Data/housing.csv", hasHeader: true, separatorChar: ',');
            var trainer = mlContext.Regression.Trainers.Sdca(); // SCALE002 expected
            var pipeline = mlContext.Transforms.Concatenate("Features", "CRIM", "ZN", "INDUS", "RM", "AGE", "TAX", "PTRATIO")
                .Append(trainer)
                .Append(mlContext.Transforms.NormalizeMinMax("Features"));
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }
    }
}
