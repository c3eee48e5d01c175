using System;
using System.Collections.Generic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.Dynamic.Trainers.BinaryClassification
{
    public static class LinearSvmWithGeneratedData
    {
        public static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var trainingData = mlContext.Data.LoadFromEnumerable(GenerateData(500));
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(SensorRow.Vibration), nameof(SensorRow.Noise), nameof(SensorRow.Drift))
                .Append(mlContext.BinaryClassification.Trainers.LinearSvm(labelColumnName: nameof(SensorRow.Faulty)));
            var model = pipeline.Fit(trainingData);
            Console.WriteLine(model);
        }

        private static List<SensorRow> GenerateData(int count, int seed = 0)
        {
            var random = new Random(seed);
            var rows = new List<SensorRow>();
            for (int i = 0; i < count; i++)
            {
                var faulty = random.NextDouble() > 0.5;
                rows.Add(new SensorRow
                {
                    Faulty = faulty,
                    Vibration = (float)random.NextDouble() + (faulty ? 0.5f : 0f),
                    Noise = (float)(random.NextDouble() * 2 - 1),
                    Drift = faulty ? 0.8f * (float)random.NextDouble() : 0.1f,
                });
            }
            return rows;
        }

        private class SensorRow
        {
            public bool Faulty { get; set; }
            public float Vibration { get; set; }
            public float Noise { get; set; }
            public float Drift { get; set; }
        }
    }
}
