using System;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Samples
{
    public static class KernelMapSvm
    {
        private class TumorData
        {
            [LoadColumn(0)] public bool Malignant { get; set; }
            [LoadColumn(1)] public float Radius { get; set; }
            [LoadColumn(2)] public float Texture { get; set; }
            [LoadColumn(3)] public float Perimeter { get; set; }
            [LoadColumn(4)] public float Area { get; set; }
        }

        public static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<TumorData>("Data/tumors.csv", separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.3);

            // Random Fourier features approximate a Gaussian kernel; the inputs are scaled first so that one gamma fits all.
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(TumorData.Radius), nameof(TumorData.Texture), nameof(TumorData.Perimeter), nameof(TumorData.Area))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                .Append(mlContext.Transforms.ApproximatedKernelMap("Features", rank: 200, useCosAndSinBases: true, generator: new GaussianKernel(gamma: 0.5f)))
                .Append(mlContext.BinaryClassification.Trainers.LinearSvm(labelColumnName: nameof(TumorData.Malignant), numberOfIterations: 20));

            var model = pipeline.Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet), labelColumnName: nameof(TumorData.Malignant));
            Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
        }
    }
}
