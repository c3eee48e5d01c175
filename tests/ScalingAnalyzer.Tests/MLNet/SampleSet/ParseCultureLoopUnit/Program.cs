using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.ML;

namespace SkinDetection
{
    public class PixelSample
    {
        public float Red { get; set; }
        public float Green { get; set; }
        public float Blue { get; set; }
        public bool Label { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var samples = new List<PixelSample>();
            using (var reader = new StreamReader(Path.Combine("Data", "skin_tones.csv")))
            {
                reader.ReadLine();
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    var parts = line.Split(',');
                    samples.Add(new PixelSample
                    {
                        Red = float.Parse(parts[0], CultureInfo.InvariantCulture),
                        Green = float.Parse(parts[1], CultureInfo.InvariantCulture),
                        Blue = float.Parse(parts[2], CultureInfo.InvariantCulture),
                        Label = parts[3] == "1",
                    });
                }
            }

            var data = mlContext.Data.LoadFromEnumerable(samples);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(PixelSample.Red), nameof(PixelSample.Green), nameof(PixelSample.Blue))
                .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 10));
            var model = pipeline.Fit(data);
            Console.WriteLine(mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(data)).Accuracy);
        }
    }
}
