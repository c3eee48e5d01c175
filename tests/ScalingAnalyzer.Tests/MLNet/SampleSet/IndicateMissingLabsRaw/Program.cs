using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Diabetes
{
    public class PatientLabs
    {
        [LoadColumn(0, 3), VectorType(4)]
        public float[] Measurements { get; set; }

        [LoadColumn(4)]
        public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromTextFile<PatientLabs>("Data/labs.csv", separatorChar: ',', hasHeader: true);

            var pipeline = mlContext.Transforms.IndicateMissingValues("MissingFlags", "Measurements")
                .Append(mlContext.Transforms.Conversion.ConvertType("MissingFlags", outputKind: DataKind.Single))
                .Append(mlContext.Transforms.ReplaceMissingValues("Measurements"))
                .Append(mlContext.Transforms.Concatenate("Features", "Measurements", "MissingFlags"))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()); // SCALE002 expected

            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));
            Console.WriteLine($"Log-loss {metrics.LogLoss:0.###}");
        }
    }
}
