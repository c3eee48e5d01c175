using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CallVolume
{
    public class DayStats
    {
        [LoadColumn(0)] public float DayOfWeek { get; set; }
        [LoadColumn(1)] public float OpenAgents { get; set; }
        [LoadColumn(2)] public float MarketingSpend { get; set; }
        [LoadColumn(3)] public float Temperature { get; set; }
        [LoadColumn(4), ColumnName("Label")] public float Calls { get; set; }
    }

    public class CallForecast
    {
        [ColumnName("Score")] public float Calls { get; set; }
    }

    internal static class Program
    {
        private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "call-volume.zip");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var loader = mlContext.Data.CreateTextLoader(new TextLoader.Options
            {
                Separators = new[] { ';' },
                HasHeader = true,
                DecimalMarker = ',',
                Columns = new[]
                {
                    new TextLoader.Column("DayOfWeek", DataKind.Single, 0),
                    new TextLoader.Column("OpenAgents", DataKind.Single, 1),
                    new TextLoader.Column("MarketingSpend", DataKind.Single, 2),
                    new TextLoader.Column("Temperature", DataKind.Single, 3),
                    new TextLoader.Column("Label", DataKind.Single, 4),
                },
            });
            IDataView history = loader.Load(Path.Combine("Data", "call-center.csv"));

            if (!File.Exists(ModelPath))
            {
                var pipeline = mlContext.Transforms.Categorical.OneHotEncoding("DayOfWeekEncoded", "DayOfWeek")
                    .Append(mlContext.Transforms.Concatenate("Features", "DayOfWeekEncoded", "OpenAgents", "MarketingSpend", "Temperature"))
                    .Append(mlContext.Regression.Trainers.LbfgsPoissonRegression()); // SCALE002 expected
                ITransformer trained = pipeline.Fit(history);
                mlContext.Model.Save(trained, history.Schema, ModelPath);
            }

            ITransformer model = mlContext.Model.Load(ModelPath, out var inputSchema);
            var engine = mlContext.Model.CreatePredictionEngine<DayStats, CallForecast>(model, inputSchema);
            Console.WriteLine(engine.Predict(new DayStats { DayOfWeek = 2, OpenAgents = 12, MarketingSpend = 1000, Temperature = 7 }).Calls);
        }
    }
}
