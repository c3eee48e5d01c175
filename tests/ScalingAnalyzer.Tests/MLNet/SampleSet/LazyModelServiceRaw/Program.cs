using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DeliveryEta
{
    public class DeliveryInput
    {
        [LoadColumn(0)] public float DistanceKm { get; set; }
        [LoadColumn(1)] public float Items { get; set; }
        [LoadColumn(2)] public float PrepMinutes { get; set; }
        [LoadColumn(3)] public float TrafficIndex { get; set; }
        [LoadColumn(4), ColumnName("Label")] public float DeliveryMinutes { get; set; }
    }

    public class EtaPrediction
    {
        [ColumnName("Score")] public float Minutes { get; set; }
    }

    /// <summary>Registered as a singleton; the model is trained on first use, the way small web APIs do it.</summary>
    internal sealed class EtaService
    {
        private readonly MLContext _mlContext = new MLContext(seed: 11);
        private readonly Lazy<PredictionEngine<DeliveryInput, EtaPrediction>> _engine;

        public EtaService()
        {
            _engine = new Lazy<PredictionEngine<DeliveryInput, EtaPrediction>>(() =>
                _mlContext.Model.CreatePredictionEngine<DeliveryInput, EtaPrediction>(Train()));
        }

        public float Predict(DeliveryInput input) => _engine.Value.Predict(input).Minutes;

        private ITransformer Train()
        {
            var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "delivery-times.csv");
            var data = _mlContext.Data.LoadFromTextFile<DeliveryInput>(dataPath, separatorChar: ',', hasHeader: true);
            var pipeline = _mlContext.Transforms.Concatenate("Features", "DistanceKm", "Items", "PrepMinutes", "TrafficIndex")
                .Append(_mlContext.Regression.Trainers.OnlineGradientDescent(learningRate: 0.01f, numberOfIterations: 30)); // SCALE002 expected
            return pipeline.Fit(data);
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var service = new EtaService();
            Console.WriteLine(service.Predict(new DeliveryInput { DistanceKm = 4, Items = 2, PrepMinutes = 10, TrafficIndex = 5 }));
        }
    }
}
