using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

public class Row
{
    [LoadColumn(0)] public float A { get; set; }
    [LoadColumn(1)] public float B { get; set; }
    [LoadColumn(2)] public float C { get; set; }
    [LoadColumn(3)] public float D { get; set; }
    [LoadColumn(4)] public float Label { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext();
        var data = ml.Data.LoadFromTextFile<Row>("data.csv", hasHeader: true, separatorChar: ',');
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Concatenate("Features", "A", "B", "C", "D"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()); // SCALE002 expected
        var model = pipeline.Fit(data);
        Console.WriteLine(model);
    }
}
