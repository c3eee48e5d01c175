using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerChurn
{
    public class CustomerRecord
    {
        [LoadColumn(0)] public float TenureMonths { get; set; }
        [LoadColumn(1)] public float MonthlyCharges { get; set; }
        [LoadColumn(2)] public float TotalCharges { get; set; }
        [LoadColumn(3)] public float SupportCalls { get; set; }
        [LoadColumn(4)] public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main(string[] args)
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<CustomerRecord>("Data/churn.csv", hasHeader: true, separatorChar: ',');

            var trainers = new Dictionary<string, IEstimator<ITransformer>>
            {
                { "sdca", mlContext.BinaryClassification.Trainers.SdcaLogisticRegression() }, // SCALE002 expected
                { "forest", mlContext.BinaryClassification.Trainers.FastForest() },
            };

            var dataProcess = mlContext.Transforms.Concatenate("Features",
                nameof(CustomerRecord.TenureMonths), nameof(CustomerRecord.MonthlyCharges),
                nameof(CustomerRecord.TotalCharges), nameof(CustomerRecord.SupportCalls));

            if (trainers.TryGetValue("sdca", out var trainer))
            {
                var model = dataProcess.Append(trainer).Fit(data);
                Console.WriteLine(mlContext.BinaryClassification.Evaluate(model.Transform(data)).Accuracy);
            }
        }
    }
}
