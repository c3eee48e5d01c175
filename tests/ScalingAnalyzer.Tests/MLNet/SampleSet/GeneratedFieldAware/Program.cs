using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.Dynamic.Trainers.BinaryClassification
{
    public static class FieldAwareFactorizationMachine
    {
        public static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IEnumerable<DataPoint> data = GenerateRandomDataPoints(500);
            var trainingData = mlContext.Data.LoadFromEnumerable(data);
            var pipeline = mlContext.BinaryClassification.Trainers
                .FieldAwareFactorizationMachine(
                new[] {nameof(DataPoint.Field0), nameof(DataPoint.Field1),
                nameof(DataPoint.Field2) },
                nameof(DataPoint.Label));
            var model = pipeline.Fit(trainingData);
            Console.WriteLine(model);
        }

        private const int featureLength = 10;

        private class DataPoint
        {
            public bool Label { get; set; }
            [VectorType(featureLength)]
            public float[] Field0 { get; set; }
            [VectorType(featureLength)]
            public float[] Field1 { get; set; }
            [VectorType(featureLength)]
            public float[] Field2 { get; set; }
        }

        private static IEnumerable<DataPoint> GenerateRandomDataPoints(int exampleCount, int seed = 0)
        {
            var rnd = new Random(seed);
            var data = new List<DataPoint>();
            for (int i = 0; i < exampleCount; ++i)
            {
                var sample = new DataPoint()
                {
                    Label = rnd.Next() % 2 == 0,
                    Field0 = new float[featureLength],
                    Field1 = new float[featureLength],
                    Field2 = new float[featureLength]
                };

                for (int j = 0; j < featureLength; ++j)
                {
                    var value0 = (float)rnd.NextDouble();
                    // Positive class gets larger feature value.
                    if (sample.Label)
                        value0 += 0.2f;
                    sample.Field0[j] = value0;

                    var value1 = (float)rnd.NextDouble();
                    // Positive class gets smaller feature value.
                    if (sample.Label)
                        value1 -= 0.2f;
                    sample.Field1[j] = value1;

                    var value2 = (float)rnd.NextDouble();
                    sample.Field2[j] = value2;
                }

                data.Add(sample);
            }
            return data;
        }
    }
}
