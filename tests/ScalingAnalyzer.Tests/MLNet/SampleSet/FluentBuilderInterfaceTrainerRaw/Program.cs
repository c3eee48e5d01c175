using System;
using System.IO;
using HeartHealth.DataEntities;
using HeartHealth.Trainers;
using Microsoft.ML;

namespace HeartHealth
{
    public enum TrainingAlgorithm
    {
        SdcaLogisticRegression,
        FastTree,
    }

    public sealed class MachineLearningBuilder
    {
        private readonly MLContext context = new MLContext(seed: 0);
        private string dataPath = "";
        private TrainingAlgorithm algorithm;
        private double testFraction = 0.2;

        public MachineLearningBuilder WithData(string fileName)
        {
            dataPath = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
            return this;
        }

        public MachineLearningBuilder WithAlgorithm(TrainingAlgorithm chosen)
        {
            algorithm = chosen;
            return this;
        }

        public MachineLearningBuilder WithTestSplit(double fraction)
        {
            testFraction = fraction;
            return this;
        }

        public (MLContext Context, ITransformer Model, DataOperationsCatalog.TrainTestData SplitData) Build()
        {
            var data = context.Data.LoadFromTextFile<HeartDiseaseData>(dataPath, hasHeader: true, separatorChar: ',');
            var split = context.Data.TrainTestSplit(data, testFraction);
            ITrainer trainer = algorithm switch
            {
                TrainingAlgorithm.FastTree => new FastTreeTrainer(),
                _ => new SdcaLogisticRegressionTrainer(),
            };
            return (context, trainer.BuildAndTrainModel(context, split.TrainSet), split);
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var result = new MachineLearningBuilder()
                .WithData("heart_disease.csv")
                .WithAlgorithm(TrainingAlgorithm.SdcaLogisticRegression)
                .WithTestSplit(0.2)
                .Build();

            var metrics = result.Context.BinaryClassification.Evaluate(result.Model.Transform(result.SplitData.TestSet));
            Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
        }
    }
}
