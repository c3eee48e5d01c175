using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.ML;

public class House
{
    public float Size { get; set; }
    public float Age { get; set; }
    public float Price { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var houses = new List<House>();
        foreach (var line in File.ReadLines(Path.Combine("Data", "houses.csv")))
        {
            var parts = line.Split(',');
            if (parts.Length < 3)
                continue;
            if (!float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var size)
                || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var age)
                || !float.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
                continue; // the header and broken lines
            houses.Add(new House { Size = size, Age = age, Price = price });
        }

        var mlContext = new MLContext(seed: 0);
        var data = mlContext.Data.LoadFromEnumerable(houses);
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Age))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price))); // SCALE002 expected
        var model = pipeline.Fit(data);
        Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(House.Price)).RSquared);
    }
}
