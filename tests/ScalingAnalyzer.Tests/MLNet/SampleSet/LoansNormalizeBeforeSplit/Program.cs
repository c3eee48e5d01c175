using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leaky;

public class Loan
{
    [LoadColumn(0)] public float Income { get; set; }
    [LoadColumn(1)] public float Amount { get; set; }
    [LoadColumn(2)] public bool Label { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext(1);
        var all = ml.Data.LoadFromTextFile<Loan>("loans.csv", hasHeader: true, separatorChar: ',');
        var normalizer = ml.Transforms.Concatenate("Features", "Income", "Amount").Append(ml.Transforms.NormalizeMinMax("Features"));
        var prepared = normalizer.Fit(all).Transform(all);
        var split = ml.Data.TrainTestSplit(prepared, testFraction: 0.25);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine(metrics.Accuracy);
    }
}
