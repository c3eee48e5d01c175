using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace StudentSuccess
{
    public class StudentRecord
    {
        [LoadColumn(0)] public float Attendance { get; set; }
        [LoadColumn(1)] public float HomeworkRate { get; set; }
        [LoadColumn(2)] public float QuizAverage { get; set; }
        [LoadColumn(3), ColumnName("Label")] public bool Passed { get; set; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var data = mlContext.Data.LoadFromTextFile<StudentRecord>(Path.Combine(AppContext.BaseDirectory, "Data", "attendance.csv"), separatorChar: ';', hasHeader: true);
            var trainers = new List<IEstimator<ITransformer>>
            {
                mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(),
                mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(),
                mlContext.BinaryClassification.Trainers.SgdCalibrated(),
            };
            foreach (var trainer in trainers)
                CrossValidate(mlContext, data, trainer);
        }

        private static void CrossValidate(MLContext mlContext, IDataView data, IEstimator<ITransformer> trainer)
        {
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(StudentRecord.Attendance), nameof(StudentRecord.HomeworkRate), nameof(StudentRecord.QuizAverage))
                .Append(trainer);
            var results = mlContext.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);
            foreach (var fold in results)
                Console.WriteLine($"{trainer}: AUC {fold.Metrics.AreaUnderRocCurve:0.###}");
        }
    }
}
