using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.Dynamic
{
    public static class MapKeyToValueMultiColumn
    {
        public static void Main()
        {
            var mlContext = new MLContext();
            var examples = GenerateRandomDataPoints(1000, 10);
            var dataView = mlContext.Data.LoadFromEnumerable(examples);
            var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
                .Append(mlContext.MulticlassClassification.Trainers. // SCALE002 expected
                SdcaMaximumEntropy());
            var dataWithPredictions = pipeline.Fit(dataView).Transform(dataView);
            Console.WriteLine(dataWithPredictions.Schema.Count);
        }

        private class DataPoint
        {
            public string Label { get; set; }
            [VectorType(10)]
            public float[] Features { get; set; }
        }

        private static List<DataPoint> GenerateRandomDataPoints(int count, int featureVectorLenght)
        {
            var examples = new List<DataPoint>();
            var rnd = new Random(0);
            for (int i = 0; i < count; ++i)
            {
                var example = new DataPoint();
                example.Features = new float[featureVectorLenght];
                var res = i % 4;
                // Generate random float feature values.
                for (int j = 0; j < featureVectorLenght; ++j)
                {
                    var value = (float)rnd.NextDouble() * 1000f + res * 0.2f;
                    example.Features[j] = value;
                }

                // Generate label based on feature sum.
                if (res == 0)
                    example.Label = "AA";
                else if (res == 1)
                    example.Label = "BB";
                else
                    example.Label = "CC";
                examples.Add(example);
            }
            return examples;
        }
    }
}
