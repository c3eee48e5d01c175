using System;
using System.IO;
using Microsoft.ML;
using MachineLearningDemo.Model;

namespace MachineLearningDemo.Trainer;

public static class ModelBuilder
{
    private const string OutputModelFile = "data/model.zip";
    private const string InputDataFile = "Data/input.csv";

    private static readonly MLContext Context = new();

    public static void CreateModel(string inputDataFileName = InputDataFile,
        string outputModelFileName = OutputModelFile)
    {
        try
        {
            if (!File.Exists(inputDataFileName))
            {
                Console.WriteLine($"Input file not found: {inputDataFileName}");
                return;
            }

            var dataView = Context.Data.LoadFromTextFile<ModelInput>(
                path: inputDataFileName,
                hasHeader: true,
                separatorChar: ',',
                allowQuoting: true,
                trimWhitespace: true);

            var split = Context.Data.TrainTestSplit(dataView, testFraction: 0.2);

            var pipeline = Context.Transforms.Categorical.OneHotEncoding("ModelEncoded", nameof(ModelInput.Model))
                .Append(Context.Transforms.NormalizeMinMax(nameof(ModelInput.Year)))
                .Append(Context.Transforms.NormalizeMinMax(nameof(ModelInput.Mileage)))
                .Append(Context.Transforms.Concatenate("Features", "ModelEncoded", nameof(ModelInput.Year),
                    nameof(ModelInput.Mileage)))
                .AppendCacheCheckpoint(Context)
                .Append(Context.Regression.Trainers.Sdca(labelColumnName: nameof(ModelInput.Price)));

            var model = pipeline.Fit(split.TrainSet);
            var metrics = Context.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(ModelInput.Price));
            Console.WriteLine($"R-squared {metrics.RSquared:0.00}, RMSE {metrics.RootMeanSquaredError:#.##}");

            Context.Model.Save(model, split.TrainSet.Schema, outputModelFileName);
        }
        catch (Exception ex)
        {
            Console.WriteLine($"Error: {ex.Message}");
        }
    }
}
