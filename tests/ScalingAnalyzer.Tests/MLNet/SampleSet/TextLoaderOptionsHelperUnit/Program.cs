using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace StudentOutcomes
{
    internal static class ExamData
    {
        public static TextLoader.Options ReaderOptions() => new TextLoader.Options
        {
            Separators = new[] { ';' },
            HasHeader = true,
            DecimalMarker = ',',
            Columns = new[]
            {
                new TextLoader.Column("Attendance", DataKind.Single, 1),
                new TextLoader.Column("HomeworkRate", DataKind.Single, 2),
                new TextLoader.Column("QuizAverage", DataKind.Single, 3),
                new TextLoader.Column("Label", DataKind.Boolean, 4),
            },
        };
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 3);
            string path = Path.Combine(AppContext.BaseDirectory, "Data", "exam-scores.csv");
            IDataView data = mlContext.Data.LoadFromTextFile(path, ExamData.ReaderOptions());

            var pipeline = mlContext.Transforms.Concatenate("Features", "Attendance", "HomeworkRate", "QuizAverage")
                .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 10));

            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(model.Transform(data));
            Console.WriteLine($"Accuracy {metrics.Accuracy:P1}");
        }
    }
}
