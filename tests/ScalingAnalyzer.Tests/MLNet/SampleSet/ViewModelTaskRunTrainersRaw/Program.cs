using System;
using System.Threading.Tasks;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WineDesk
{
    public class WineSample
    {
        [LoadColumn(0)] public float FixedAcidity { get; set; }
        [LoadColumn(1)] public float VolatileAcidity { get; set; }
        [LoadColumn(5)] public float FreeSulfurDioxide { get; set; }
        [LoadColumn(6)] public float TotalSulfurDioxide { get; set; }
        [LoadColumn(10)] public float Alcohol { get; set; }
        [LoadColumn(11)] public float Quality { get; set; }
    }

    public class QualityFlag
    {
        public bool Label { get; set; }
    }

    internal sealed class WineClassifier
    {
        public MLContext MLContext { get; } = new MLContext(seed: null);

        public ITransformer BuildAndTrain(string trainingDataPath, IEstimator<ITransformer> algorithm)
        {
            IEstimator<ITransformer> pipeline = MLContext.Transforms.CustomMapping<WineSample, QualityFlag>((input, output) => output.Label = input.Quality > 6, contractName: null)
                .Append(MLContext.Transforms.Concatenate("Features",
                    nameof(WineSample.FixedAcidity), nameof(WineSample.VolatileAcidity), nameof(WineSample.FreeSulfurDioxide),
                    nameof(WineSample.TotalSulfurDioxide), nameof(WineSample.Alcohol)))
                .Append(algorithm);

            var trainData = MLContext.Data.LoadFromTextFile<WineSample>(path: trainingDataPath, separatorChar: ';', hasHeader: true);
            trainData = MLContext.Data.Cache(trainData);
            return pipeline.Fit(trainData);
        }
    }

    internal sealed class ClassificationPageViewModel
    {
        private readonly WineClassifier _model = new WineClassifier();

        public MLContext MLContext => _model.MLContext;

        public Task<ITransformer> BuildAndTrain(string trainingDataPath, IEstimator<ITransformer> algorithm)
        {
            return Task.Run(() =>
            {
                return _model.BuildAndTrain(trainingDataPath, algorithm);
            });
        }
    }

    internal static class Program
    {
        private static async Task Main()
        {
            var viewModel = new ClassificationPageViewModel();
            const string dataPath = "Data/winequality-red.csv";

            var perceptron = await viewModel.BuildAndTrain(dataPath, viewModel.MLContext.BinaryClassification.Trainers.AveragedPerceptron()); // SCALE002 expected
            var svm = await viewModel.BuildAndTrain(dataPath, viewModel.MLContext.BinaryClassification.Trainers.LinearSvm()); // SCALE002 expected
            var forest = await viewModel.BuildAndTrain(dataPath, viewModel.MLContext.BinaryClassification.Trainers.FastForest());
            Console.WriteLine($"{perceptron != null} {svm != null} {forest != null}");
        }
    }
}
