using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FileClassifier
{
    public class FileData
    {
        [ColumnName("Label")]
        public float Label { get; set; }

        public float IsBinary { get; set; }

        public float IsMZHeader { get; set; }

        public float IsPKHeader { get; set; }
    }

    public class BaseML
    {
        protected const string FEATURES = "Features";

        protected static string ModelPath => Path.Combine(AppContext.BaseDirectory, "clustering.mdl");

        protected readonly MLContext MlContext;

        protected BaseML()
        {
            MlContext = new MLContext(2020);
        }
    }

    public class Trainer : BaseML
    {
        private IDataView GetDataView(string fileName)
        {
            return MlContext.Data.LoadFromTextFile(path: fileName,
                columns: new[]
                {
                    new TextLoader.Column(nameof(FileData.Label), DataKind.Single, 0),
                    new TextLoader.Column(nameof(FileData.IsBinary), DataKind.Single, 1),
                    new TextLoader.Column(nameof(FileData.IsMZHeader), DataKind.Single, 2),
                    new TextLoader.Column(nameof(FileData.IsPKHeader), DataKind.Single, 3)
                },
                hasHeader: false,
                separatorChar: ',');
        }

        public void Train(string trainingFileName, string testingFileName)
        {
            if (!File.Exists(trainingFileName))
            {
                Console.WriteLine($"Failed to find training data file ({trainingFileName}");
                return;
            }

            var trainingDataView = GetDataView(trainingFileName);

            var dataProcessPipeline = MlContext.Transforms.Concatenate(
                FEATURES,
                nameof(FileData.IsBinary),
                nameof(FileData.IsMZHeader),
                nameof(FileData.IsPKHeader));

            var trainer = MlContext.Clustering.Trainers.KMeans(featureColumnName: FEATURES, numberOfClusters: 3);
            var trainingPipeline = dataProcessPipeline.Append(trainer);
            var trainedModel = trainingPipeline.Fit(trainingDataView);

            MlContext.Model.Save(trainedModel, trainingDataView.Schema, ModelPath);

            var testDataView = trainedModel.Transform(GetDataView(testingFileName));
            var modelMetrics = MlContext.Clustering.Evaluate(testDataView, labelColumnName: "Label", scoreColumnName: "Score", featureColumnName: FEATURES);
            Console.WriteLine($"Average Distance: {modelMetrics.AverageDistance}");
        }
    }

    internal class Program
    {
        private static void Main(string[] args)
        {
            if (args.Length < 3)
            {
                Console.WriteLine("Usage: train <path to training data file> <path to test data file>");
                return;
            }

            switch (args[0])
            {
                case "train":
                    new Trainer().Train(args[1], args[2]);
                    break;
                default:
                    Console.WriteLine($"{args[0]} is an invalid option");
                    break;
            }
        }
    }
}
