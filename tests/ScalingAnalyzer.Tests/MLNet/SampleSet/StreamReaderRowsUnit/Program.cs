using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.ML;

namespace Conversions
{
    public class Session
    {
        public float ScrollDepth { get; set; }
        public float DwellShare { get; set; }
        public float ClickRate { get; set; }
        public bool Converted { get; set; }
    }

    internal static class Program
    {
        private const string DataPath = "Data/sessions.csv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromEnumerable(ReadSessions(DataPath));
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Session.ScrollDepth), nameof(Session.DwellShare), nameof(Session.ClickRate))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(Session.Converted)));
            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Session.Converted));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P1}");
        }

        private static List<Session> ReadSessions(string path)
        {
            var sessions = new List<Session>();
            using var reader = new StreamReader(path);
            var header = reader.ReadLine();
            while (!reader.EndOfStream)
            {
                var line = reader.ReadLine();
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var parts = line.Split(',');
                sessions.Add(new Session
                {
                    ScrollDepth = float.Parse(parts[0], CultureInfo.InvariantCulture),
                    DwellShare = float.Parse(parts[1], CultureInfo.InvariantCulture),
                    ClickRate = float.Parse(parts[2], CultureInfo.InvariantCulture),
                    Converted = parts[3] == "1",
                });
            }
            return sessions;
        }
    }
}
