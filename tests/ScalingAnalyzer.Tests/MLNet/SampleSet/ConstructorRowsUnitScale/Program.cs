using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SignalQuality
{
    public class Measurement
    {
        public Measurement(float noise, float drift, bool faulty)
        {
            Noise = noise;
            Drift = drift;
            Faulty = faulty;
        }

        public float Noise { get; set; }
        public float Drift { get; set; }
        public bool Faulty { get; set; }
    }

    internal static class Program
    {
        private static IEnumerable<Measurement> Simulate(int count)
        {
            var random = new Random(11);
            return Enumerable.Range(0, count).Select(_ =>
            {
                var noise = (float)random.NextDouble();
                var drift = (float)random.NextDouble() * 2 - 1;
                return new Measurement(noise, drift, noise + Math.Abs(drift) > 1.1f);
            }).ToList();
        }

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromEnumerable(Simulate(2000));
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Measurement.Noise), nameof(Measurement.Drift))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(Measurement.Faulty)));
            var model = pipeline.Fit(data);
            Console.WriteLine(mlContext.BinaryClassification.Evaluate(model.Transform(data), labelColumnName: nameof(Measurement.Faulty)).AreaUnderRocCurve);
        }
    }
}
