using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IrisFlowerClustering
{
    public class IrisData
    {
        [LoadColumn(0)] public float SepalLength;
        [LoadColumn(1)] public float SepalWidth;
        [LoadColumn(2)] public float PetalLength;
        [LoadColumn(3)] public float PetalWidth;
    }

    public class ClusterPrediction
    {
        [ColumnName("PredictedLabel")] public uint PredictedClusterId;
    }

    internal static class Program
    {
        private static readonly string TrainingDataPath = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "Data", "iris.data");
        private static readonly string ModelPath = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "Data", "Model.zip");

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            ITransformer model;
            if (File.Exists(ModelPath))
            {
                model = mlContext.Model.Load(ModelPath, out _);
            }
            else
            {
                IDataView trainingDataView = mlContext.Data.LoadFromTextFile<IrisData>(TrainingDataPath, hasHeader: false, separatorChar: ',');
                var pipeline = mlContext.Transforms
                    .Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
                    .Append(mlContext.Clustering.Trainers.KMeans("Features", numberOfClusters: 3));
                model = pipeline.Fit(trainingDataView);
                mlContext.Model.Save(model, trainingDataView.Schema, ModelPath);
            }

            var engine = mlContext.Model.CreatePredictionEngine<IrisData, ClusterPrediction>(model);
            Console.WriteLine(engine.Predict(new IrisData { SepalLength = 6.3f, SepalWidth = 3.3f, PetalLength = 6.0f, PetalWidth = 2.5f }).PredictedClusterId);
        }
    }
}
