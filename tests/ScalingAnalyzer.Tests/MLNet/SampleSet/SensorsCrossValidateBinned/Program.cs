using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

var mlContext = new MLContext(seed: 0);
var data = mlContext.Data.LoadFromTextFile<Reading>("sensors.tsv", hasHeader: true);
var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Reading.Pressure), nameof(Reading.Temperature))
    .Append(mlContext.Transforms.NormalizeBinning("Features"))
    .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(Reading.Output)));
var results = mlContext.Regression.CrossValidate(data, pipeline, numberOfFolds: 5);
Console.WriteLine(results.Average(r => r.Metrics.RSquared));

public class Reading
{
    [LoadColumn(0)] public float Pressure { get; set; }
    [LoadColumn(1)] public float Temperature { get; set; }
    [LoadColumn(2)] public float Output { get; set; }
}
