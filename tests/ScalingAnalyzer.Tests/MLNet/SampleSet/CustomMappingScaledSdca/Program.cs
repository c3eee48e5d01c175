using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

public class HouseInput
{
    public float Size { get; set; }
    public float Age { get; set; }
    public float Price { get; set; }
}

public class ScaledHouse
{
    public float SizeScaled { get; set; }
    public float AgeScaled { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var mlContext = new MLContext(seed: 0);
        var houses = new List<HouseInput>
        {
            new HouseInput { Size = 1200f, Age = 35f, Price = 210f },
            new HouseInput { Size = 2400f, Age = 8f, Price = 455f },
            new HouseInput { Size = 1750f, Age = 20f, Price = 320f },
            new HouseInput { Size = 3100f, Age = 2f, Price = 610f },
            new HouseInput { Size = 900f, Age = 60f, Price = 150f },
        };
        IDataView data = mlContext.Data.LoadFromEnumerable(houses);

        Action<HouseInput, ScaledHouse> scale = (input, output) =>
        {
            output.SizeScaled = input.Size / 4000f;
            output.AgeScaled = input.Age / 100f;
        };

        var pipeline = mlContext.Transforms.CustomMapping(scale, contractName: null)
            .Append(mlContext.Transforms.Concatenate("Features", nameof(ScaledHouse.SizeScaled), nameof(ScaledHouse.AgeScaled)))
            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseInput.Price)));

        var model = pipeline.Fit(data);
        Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(HouseInput.Price)).RSquared);
    }
}
