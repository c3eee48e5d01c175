using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

class Program
{
    static void Main(string[] args)
    {
        MLContext mlContext = new MLContext(seed: 1);

        var data = LoadData(mlContext);
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

        var dataProcessPipeline = mlContext.Transforms.Conversion.ConvertType("Features", nameof(OddEvenData.Number), DataKind.Single);

        var trainer = mlContext.BinaryClassification.Trainers.FastTree(
            labelColumnName: "Label",
            featureColumnName: "Features",
            numberOfLeaves: 10,
            numberOfTrees: 50,
            learningRate: 0.1);

        var model = dataProcessPipeline.Append(trainer).Fit(split.TrainSet);
        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
    }

    static IDataView LoadData(MLContext mlContext)
    {
        var rows = Enumerable.Range(0, 1000).Select(n => new OddEvenData { Number = n, Label = n % 2 == 0 });
        return mlContext.Data.LoadFromEnumerable(rows);
    }
}

public class OddEvenData
{
    [LoadColumn(0)]
    public float Number { get; set; }

    [LoadColumn(1)]
    public bool Label { get; set; }
}

public class OddEvenPrediction
{
    [ColumnName("PredictedLabel")]
    public bool Prediction { get; set; }
    public float Probability { get; set; }
    public float Score { get; set; }
}
