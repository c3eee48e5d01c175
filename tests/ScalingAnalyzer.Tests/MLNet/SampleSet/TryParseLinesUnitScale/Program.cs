using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.ML;

namespace SensorLoad;

public class Reading
{
    public float Vibration { get; set; }
    public float Humidity { get; set; }
    public float Load { get; set; }
}

public static class Program
{
    private static List<Reading> ReadRows(string path)
    {
        var rows = new List<Reading>();
        foreach (var line in File.ReadAllLines(path))
        {
            var fields = line.Split(',');
            if (fields.Length != 3) continue;
            if (!float.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out float vibration)) continue;
            if (!float.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float humidity)) continue;
            if (!float.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float load)) continue;
            rows.Add(new Reading { Vibration = vibration, Humidity = humidity, Load = load });
        }
        return rows;
    }

    public static void Main()
    {
        var mlContext = new MLContext(seed: 3);
        var data = mlContext.Data.LoadFromEnumerable(ReadRows(Path.Combine("Data", "sensors.csv")));
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Reading.Vibration), nameof(Reading.Humidity))
            .Append(mlContext.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(Reading.Load)));
        var model = pipeline.Fit(data);
        Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(Reading.Load)).MeanAbsoluteError);
    }
}
