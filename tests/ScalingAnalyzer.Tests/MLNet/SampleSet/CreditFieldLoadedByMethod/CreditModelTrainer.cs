using System;
using CreditApproval.Models;
using Microsoft.ML;

namespace CreditApproval.ML;

public class CreditModelTrainer
{
    private readonly MLContext mlContext = new MLContext(seed: 1);
    private IDataView data;
    private ITransformer trainedModel;

    public void LoadCsv(string path)
    {
        data = mlContext.Data.LoadFromTextFile<CreditInput>(
            path: path,
            hasHeader: true,
            separatorChar: ','
        );
    }

    public void Train()
    {
        var pipeline = mlContext.Transforms.Concatenate(
            "Features",
            nameof(CreditInput.MonthlyIncome),
            nameof(CreditInput.MaritalStatus),
            nameof(CreditInput.Dependents),
            nameof(CreditInput.OwnsCar),
            nameof(CreditInput.DeniedBefore)
        ).Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression( // SCALE002 expected
            labelColumnName: nameof(CreditInput.Approved)
        ));

        trainedModel = pipeline.Fit(data);
    }

    public void Evaluate()
    {
        var predictions = trainedModel.Transform(data);
        var metrics = mlContext.BinaryClassification.Evaluate(predictions, labelColumnName: nameof(CreditInput.Approved));
        Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
        Console.WriteLine($"F1-Score: {metrics.F1Score:P2}");
    }

    public void Save(string path)
    {
        mlContext.Model.Save(trainedModel, data.Schema, path);
    }
}
