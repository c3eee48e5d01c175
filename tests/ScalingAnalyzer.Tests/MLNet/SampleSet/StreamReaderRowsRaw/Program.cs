using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.ML;

namespace BoilerEfficiency
{
    public class BoilerReading
    {
        public float Pressure { get; set; }
        public float FlowRate { get; set; }
        public float InletTemp { get; set; }
        public float Efficiency { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);

            var readings = new List<BoilerReading>();
            using (var reader = new StreamReader(Path.Combine("Data", "boilers.csv")))
            {
                reader.ReadLine(); // header
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    var fields = line.Split(',');
                    readings.Add(new BoilerReading
                    {
                        Pressure = float.Parse(fields[0], CultureInfo.InvariantCulture),
                        FlowRate = float.Parse(fields[1], CultureInfo.InvariantCulture),
                        InletTemp = float.Parse(fields[2], CultureInfo.InvariantCulture),
                        Efficiency = float.Parse(fields[3], CultureInfo.InvariantCulture),
                    });
                }
            }

            IDataView data = mlContext.Data.LoadFromEnumerable(readings);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(BoilerReading.Pressure), nameof(BoilerReading.FlowRate), nameof(BoilerReading.InletTemp))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(BoilerReading.Efficiency))); // SCALE002 expected
            var model = pipeline.Fit(data);
            var metrics = mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(BoilerReading.Efficiency));
            Console.WriteLine($"RMSE {metrics.RootMeanSquaredError:F4}");
        }
    }
}
