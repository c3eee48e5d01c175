using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn;

public class Customer
{
    [LoadColumn(0)] public string Plan { get; set; } = "";
    [LoadColumn(1)] public string Region { get; set; } = "";
    [LoadColumn(2)] public bool Churned { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Customer>("customers.csv", hasHeader: true, separatorChar: ',');
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("PlanEncoded", "Plan"), new InputOutputColumnPair("RegionEncoded", "Region") })
            .Append(ml.Transforms.Concatenate("Features", "PlanEncoded", "RegionEncoded"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Churned"));
        var model = pipeline.Fit(data);
        Console.WriteLine(model);
    }
}
