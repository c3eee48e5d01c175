using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mileage;

public class Car
{
    [LoadColumn(0)] public float Horsepower { get; set; }
    [LoadColumn(1)] public float Weight { get; set; }
    [LoadColumn(2)] public float Displacement { get; set; }
    [LoadColumn(3), ColumnName("Label")] public float Mpg { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var ml = new MLContext(seed: 2);
        var data = ml.Data.LoadFromTextFile<Car>("Data/cars.csv", hasHeader: true, separatorChar: ',');
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Car.Horsepower), nameof(Car.Weight), nameof(Car.Displacement))
            .Append(ml.Regression.Trainers.LightGbm());
        var model = pipeline.Fit(data);
        Console.WriteLine(ml.Regression.Evaluate(model.Transform(data)).RSquared);
    }
}
