using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

var mlContext = new MLContext(seed: 4);
var random = new Random(4);
var points = new List<Point>();
for (var i = 0; i < 1000; i++)
{
    var x = (float)random.NextDouble();
    var y = (float)random.NextDouble();
    points.Add(new Point(x, y, x * x + y * y < 0.5f));
}

var data = mlContext.Data.LoadFromEnumerable(points);
var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Point.X), nameof(Point.Y))
    .Append(mlContext.BinaryClassification.Trainers.LinearSvm(labelColumnName: nameof(Point.Inside)));
var model = pipeline.Fit(data);
Console.WriteLine(mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(data), labelColumnName: nameof(Point.Inside)).Accuracy);

public record Point(float X, float Y, bool Inside);
