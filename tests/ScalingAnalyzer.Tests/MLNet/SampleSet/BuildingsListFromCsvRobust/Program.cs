using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using Microsoft.ML;

namespace Energy;

public class Building
{
    public float Area { get; set; }
    public float Occupants { get; set; }
    public float Kwh { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var buildings = new List<Building>();
        foreach (var line in File.ReadAllLines("buildings.csv").Skip(1))
        {
            var cells = line.Split(',');
            buildings.Add(new Building
            {
                Area = float.Parse(cells[0], CultureInfo.InvariantCulture),
                Occupants = float.Parse(cells[1], CultureInfo.InvariantCulture),
                Kwh = float.Parse(cells[2], CultureInfo.InvariantCulture),
            });
        }
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(buildings);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Building.Area), nameof(Building.Occupants))
            .Append(ml.Transforms.NormalizeRobustScaling("Features"))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(Building.Kwh)));
        var model = pipeline.Fit(data);
        Console.WriteLine(model);
    }
}
