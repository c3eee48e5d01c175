using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.Dynamic.Trainers.MulticlassClassification
{
    public static class SdcaMaximumEntropy
    {
        public static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var dataPoints = GenerateRandomDataPoints(1000);
            var trainingData = mlContext.Data.LoadFromEnumerable(dataPoints);
            var pipeline = mlContext.Transforms.Conversion.MapValueToKey(nameof(DataPoint.Label))
                .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());
            var model = pipeline.Fit(trainingData);
            Console.WriteLine(model);
        }

        private static IEnumerable<DataPoint> GenerateRandomDataPoints(int count, int seed = 0)
        {
            var random = new Random(seed);
            float randomFloat() => (float)random.NextDouble();
            for (int i = 0; i < count; i++)
            {
                // Generate Labels that are integers 1, 2 or 3
                var label = random.Next(1, 4);
                yield return new DataPoint
                {
                    Label = (uint)label,
                    // Create random features that are correlated with the label.
                    // The feature values are slightly increased by adding a
                    // constant multiple of label.
                    Features = Enumerable.Repeat(label, 20)
                        .Select(x => randomFloat() + label * 0.2f).ToArray()
                };
            }
        }

        private class DataPoint
        {
            public uint Label { get; set; }
            [VectorType(20)]
            public float[] Features { get; set; }
        }
    }
}
