using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace SupportTickets
{
    public class Ticket
    {
        [LoadColumn(0)] public float CustomerTenureDays { get; set; }
        [LoadColumn(1)] public float ResponseMinutes { get; set; }
        [LoadColumn(2)] public float PriorTickets { get; set; }
        [LoadColumn(3)] public string Area { get; set; }
    }

    internal static class Program
    {
        private static string _appPath => Path.GetDirectoryName(Environment.GetCommandLineArgs()[0]);
        private static string _trainDataPath => Path.Combine(_appPath, "..", "..", "..", "Data", "tickets.tsv");
        private static MLContext _mlContext;
        private static IDataView _trainingDataView;
        private static ITransformer _trainedModel;

        private static void Main(string[] args)
        {
            _mlContext = new MLContext(seed: 0);
            _trainingDataView = _mlContext.Data.LoadFromTextFile<Ticket>(_trainDataPath, hasHeader: true);
            var pipeline = ProcessData();
            var trainingPipeline = BuildAndTrainModel(_trainingDataView, pipeline);
            Console.WriteLine(trainingPipeline);
        }

        public static IEstimator<ITransformer> ProcessData()
        {
            var pipeline = _mlContext.Transforms.Conversion.MapValueToKey(inputColumnName: "Area", outputColumnName: "Label")
                .Append(_mlContext.Transforms.Concatenate("Features", "CustomerTenureDays", "ResponseMinutes", "PriorTickets"))
                .AppendCacheCheckpoint(_mlContext);
            return pipeline;
        }

        public static IEstimator<ITransformer> BuildAndTrainModel(IDataView trainingDataView, IEstimator<ITransformer> pipeline)
        {
            var trainingPipeline = pipeline.Append(_mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features")) // SCALE002 expected
                .Append(_mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            _trainedModel = trainingPipeline.Fit(trainingDataView);
            return trainingPipeline;
        }
    }
}
