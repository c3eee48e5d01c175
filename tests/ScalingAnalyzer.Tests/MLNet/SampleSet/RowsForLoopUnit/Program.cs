using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace ChurnScores
{
    public class CustomerFeatures
    {
        public float UsageShare { get; set; }
        public float SupportShare { get; set; }
        public float DiscountShare { get; set; }
        public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var random = new Random(0);
            var rows = new List<CustomerFeatures>();
            for (var i = 0; i < 2000; i++)
            {
                var usage = (float)random.NextDouble();
                var support = (float)random.NextDouble();
                rows.Add(new CustomerFeatures
                {
                    UsageShare = usage,
                    SupportShare = support,
                    DiscountShare = (float)(random.NextDouble() * 0.5),
                    Label = usage < 0.3f && support > 0.6f,
                });
            }

            var data = mlContext.Data.LoadFromEnumerable(rows);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
            var pipeline = mlContext.Transforms.Concatenate("Features",
                    nameof(CustomerFeatures.UsageShare), nameof(CustomerFeatures.SupportShare), nameof(CustomerFeatures.DiscountShare))
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"AUC: {metrics.AreaUnderRocCurve:P2}");
        }
    }
}
