using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace StudentSuccess
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var options = new TextLoader.Options
            {
                Separators = new[] { ';' },
                HasHeader = true,
                Columns = new[]
                {
                    new TextLoader.Column("Attendance", DataKind.Single, 0),
                    new TextLoader.Column("HomeworkRate", DataKind.Single, 1),
                    new TextLoader.Column("QuizAverage", DataKind.Single, 2),
                    new TextLoader.Column("Label", DataKind.Boolean, 3),
                },
            };
            IDataView data = mlContext.Data.LoadFromTextFile(Path.Combine(AppContext.BaseDirectory, "Data", "attendance.csv"), options);

            var pipeline = mlContext.Transforms.Concatenate("Features", "Attendance", "HomeworkRate", "QuizAverage")
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
            var model = pipeline.Fit(data);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));
            Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
