using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

var projectDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../"));
var assetsRelativePath = Path.Combine(projectDirectory, "Data");

TrainModel();

void TrainModel()
{
    var mlContext = new MLContext(seed: 0);

    var loader = mlContext.Data.CreateTextLoader(new TextLoader.Options
    {
        Separators = new[] { ',' },
        HasHeader = true,
        Columns = new[]
        {
            new TextLoader.Column("Label", DataKind.Single, 3),
            new TextLoader.Column("Features", DataKind.Single, 4, 7),
        },
    });

    IDataView data = loader.Load(Path.Combine(assetsRelativePath, "life-expectancy.csv"));
    var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

    var pipeline = mlContext.Transforms.ReplaceMissingValues("Features")
        .Append(mlContext.Regression.Trainers.OnlineGradientDescent()); // SCALE002 expected

    var model = pipeline.Fit(split.TrainSet);
    var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet));
    Console.WriteLine($"RMSE {metrics.RootMeanSquaredError:0.00}");
}
