using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

public class Row
{
    [LoadColumn(1)] public float Income { get; set; }
    [LoadColumn(2)] public float Score { get; set; }
    [LoadColumn(3)] public bool Label { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext();
        var data = ml.Data.LoadFromTextFile<Row>("data.csv", hasHeader: false, separatorChar: ',');
        var pipeline = ml.Transforms.Concatenate("Features", "Income", "Score")
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
        Console.WriteLine(pipeline.Fit(data));
    }
}
