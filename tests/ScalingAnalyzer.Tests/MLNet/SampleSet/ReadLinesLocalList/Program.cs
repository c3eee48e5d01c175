using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;

namespace CustomerChurn
{
    public class CustomerRow
    {
        public float UsageRatio { get; set; }
        public float SupportRatio { get; set; }
        public float DiscountRatio { get; set; }
        public bool Churned { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var rows = new List<CustomerRow>();
            foreach (var line in File.ReadAllLines(Path.Combine("Data", "churn.csv")).Skip(1))
            {
                var values = line.Split(',');
                rows.Add(new CustomerRow
                {
                    UsageRatio = float.Parse(values[0], CultureInfo.InvariantCulture),
                    SupportRatio = float.Parse(values[1], CultureInfo.InvariantCulture),
                    DiscountRatio = float.Parse(values[2], CultureInfo.InvariantCulture),
                    Churned = values[3] == "1",
                });
            }
            var data = mlContext.Data.LoadFromEnumerable(rows);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(CustomerRow.UsageRatio), nameof(CustomerRow.SupportRatio), nameof(CustomerRow.DiscountRatio))
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(CustomerRow.Churned)));
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }
    }
}
