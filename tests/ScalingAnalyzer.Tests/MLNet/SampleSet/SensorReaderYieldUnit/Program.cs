using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SensorHealth
{
    public class SensorReading
    {
        public float Vibration { get; set; }
        public float Temperature { get; set; }
        public float Load { get; set; }
        public bool Label { get; set; }
    }

    public class FailurePrediction
    {
        [ColumnName("PredictedLabel")]
        public bool WillFail { get; set; }
    }

    internal static class SensorFeed
    {
        // Readings arrive already scaled to [0, 1] by the gateway; the simulator mimics that.
        public static IEnumerable<SensorReading> Simulate(int count, int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < count; i++)
            {
                float vibration = (float)random.NextDouble();
                float temperature = (float)random.NextDouble();
                yield return new SensorReading
                {
                    Vibration = vibration,
                    Temperature = temperature,
                    Load = (float)random.NextDouble(),
                    Label = vibration + temperature > 1.2f,
                };
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var readings = SensorFeed.Simulate(2000, seed: 7).ToList();
            IDataView data = mlContext.Data.LoadFromEnumerable(readings);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            var pipeline = mlContext.Transforms.Concatenate("Features", "Vibration", "Temperature", "Load")
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
