using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BikeSharingDemand
{
    public class DemandObservation
    {
        [LoadColumn(0)] public float Season { get; set; }
        [LoadColumn(1)] public float Year { get; set; }
        [LoadColumn(2)] public float Month { get; set; }
        [LoadColumn(3)] public float Hour { get; set; }
        [LoadColumn(4)] public float Holiday { get; set; }
        [LoadColumn(5)] public float Weekday { get; set; }
        [LoadColumn(6)] public float WorkingDay { get; set; }
        [LoadColumn(7)] public float Weather { get; set; }
        [LoadColumn(8)] public float Temperature { get; set; }
        [LoadColumn(9)] public float NormalizedTemperature { get; set; }
        [LoadColumn(10)] public float Humidity { get; set; }
        [LoadColumn(11)] public float Windspeed { get; set; }
        [LoadColumn(12), ColumnName("Label")] public float Count { get; set; }
    }

    internal static class Program
    {
        private static readonly string ModelsLocation = @"../../../../MLModels";
        private static readonly string TrainingDataLocation = @"../../../../Data/hour.csv";

        private static void Main(string[] args)
        {
            var mlContext = new MLContext(seed: 0);
            var trainingDataView = mlContext.Data.LoadFromTextFile<DemandObservation>(path: TrainingDataLocation, hasHeader: true, separatorChar: ',');

            (string name, IEstimator<ITransformer> value)[] regressionLearners =
            {
                ("FastTree", mlContext.Regression.Trainers.FastTree()),
                ("Poisson", mlContext.Regression.Trainers.LbfgsPoissonRegression()), // SCALE002 expected
                ("SDCA", mlContext.Regression.Trainers.Sdca()), // SCALE002 expected
                ("FastTreeTweedie", mlContext.Regression.Trainers.FastTreeTweedie()),
            };

            foreach (var trainer in regressionLearners)
            {
                Console.WriteLine($"================== Training the {trainer.name} model ==================");
                var trainedModel = TrainModel(mlContext, trainingDataView, trainer.value);
                mlContext.Model.Save(trainedModel, trainingDataView.Schema, Path.Combine(ModelsLocation, trainer.name + "Model.zip"));
            }
        }

        private static ITransformer TrainModel(MLContext mlContext, IDataView trainingData, IEstimator<ITransformer> learner)
        {
            var dataProcessPipeline = mlContext.Transforms.Concatenate("Features", nameof(DemandObservation.Season), nameof(DemandObservation.Year), nameof(DemandObservation.Month),
                    nameof(DemandObservation.Hour), nameof(DemandObservation.Holiday), nameof(DemandObservation.Weekday),
                    nameof(DemandObservation.WorkingDay), nameof(DemandObservation.Weather), nameof(DemandObservation.Temperature),
                    nameof(DemandObservation.NormalizedTemperature), nameof(DemandObservation.Humidity), nameof(DemandObservation.Windspeed))
                .AppendCacheCheckpoint(mlContext);
            var trainingPipeline = dataProcessPipeline.Append(learner);
            return trainingPipeline.Fit(trainingData);
        }
    }
}
