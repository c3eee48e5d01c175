using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DiabetesApi.Services;

public class PatientRecord
{
    [LoadColumn(0)] public float Pregnancies { get; set; }
    [LoadColumn(1)] public float Glucose { get; set; }
    [LoadColumn(2)] public float BloodPressure { get; set; }
    [LoadColumn(4)] public float Insulin { get; set; }
    [LoadColumn(5)] public float BMI { get; set; }
    [LoadColumn(7)] public float Age { get; set; }
    [LoadColumn(8), ColumnName("Label")] public bool Outcome { get; set; }
}

public class DiabetesModelService
{
    private readonly MLContext _mlContext = new MLContext(seed: 0);
    private readonly string _dataPath;
    private ITransformer? _model;

    public DiabetesModelService(string dataPath)
    {
        _dataPath = dataPath;
    }

    public void Train()
    {
        var data = _mlContext.Data.LoadFromTextFile<PatientRecord>(_dataPath, hasHeader: true, separatorChar: ',');
        var split = _mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

        var pipeline = _mlContext.Transforms.Concatenate("Features",
                nameof(PatientRecord.Pregnancies), nameof(PatientRecord.Glucose), nameof(PatientRecord.BloodPressure),
                nameof(PatientRecord.Insulin), nameof(PatientRecord.BMI), nameof(PatientRecord.Age))
            .Append(_mlContext.BinaryClassification.Trainers.SdcaLogisticRegression()); // SCALE002 expected

        _model = pipeline.Fit(split.TrainSet);
        var metrics = _mlContext.BinaryClassification.Evaluate(_model.Transform(split.TestSet));
        Console.WriteLine($"Accuracy {metrics.Accuracy:P2}");
    }
}
