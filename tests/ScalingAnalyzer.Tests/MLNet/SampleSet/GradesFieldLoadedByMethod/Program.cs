using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LanguageSchool
{
    public class StudentInput
    {
        [LoadColumn(0)] public float GrammarScore { get; set; }
        [LoadColumn(1)] public float ListeningScore { get; set; }
        [LoadColumn(2)] public float SpeakingScore { get; set; }
        [LoadColumn(3)] public string Profile { get; set; }
    }

    public class StudentProfileTrainer
    {
        private readonly MLContext mlContext = new MLContext();
        private IDataView data;
        private ITransformer model;

        public void LoadCsv(string path)
        {
            data = mlContext.Data.LoadFromTextFile<StudentInput>(path: path, hasHeader: true, separatorChar: ',');
        }

        public void Train()
        {
            // Scores are all on the school's 0..10 scale.
            var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(StudentInput.Profile))
                .Append(mlContext.Transforms.Concatenate("Features",
                    nameof(StudentInput.GrammarScore),
                    nameof(StudentInput.ListeningScore),
                    nameof(StudentInput.SpeakingScore)))
                .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features"))
                .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

            model = pipeline.Fit(data);
        }

        public void Evaluate()
        {
            var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(data), labelColumnName: "Label");
            Console.WriteLine($"MicroAccuracy: {metrics.MicroAccuracy:P2}");
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var trainer = new StudentProfileTrainer();
            trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "student_profiles.csv"));
            trainer.Train();
            trainer.Evaluate();
        }
    }
}
