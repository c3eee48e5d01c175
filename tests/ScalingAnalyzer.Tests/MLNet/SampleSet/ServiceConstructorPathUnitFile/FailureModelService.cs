using System;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MaintenanceApi.Services;

public class SensorReading
{
    [LoadColumn(0)] public float Vibration { get; set; }
    [LoadColumn(1)] public float Humidity { get; set; }
    [LoadColumn(2)] public float DutyCycle { get; set; }
    [LoadColumn(3), ColumnName("Label")] public bool Failed { get; set; }
}

public class FailureModelService
{
    private readonly MLContext _mlContext;
    private readonly string _trainingDataPath;
    private ITransformer? _model;

    public FailureModelService(MLContext mlContext, string trainingDataPath)
    {
        _mlContext = mlContext;
        _trainingDataPath = trainingDataPath;
    }

    public void Train()
    {
        var data = _mlContext.Data.LoadFromTextFile<SensorReading>(_trainingDataPath, hasHeader: true, separatorChar: ',');
        var pipeline = _mlContext.Transforms.Concatenate("Features",
                nameof(SensorReading.Vibration), nameof(SensorReading.Humidity), nameof(SensorReading.DutyCycle))
            .Append(_mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());
        _model = pipeline.Fit(data);
        Console.WriteLine(_mlContext.BinaryClassification.Evaluate(_model.Transform(data)).Accuracy);
    }
}
