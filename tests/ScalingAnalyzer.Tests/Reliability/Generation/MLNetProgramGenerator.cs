namespace ScalingAnalyzer.Tests.Reliability.Generation;

/// <summary>
/// Random ML.NET training programs that compile: Concatenate, one-hot and text featurizers, normalizers before or
/// after the trainer (or none, or on another column), trainers of every task created with arguments or options
/// objects, chains written inline, through locals, as <c>IEstimator&lt;ITransformer&gt;</c> reassignments, and a
/// trainer's own <c>Fit</c> on a transformed data view.
/// </summary>
public sealed class MLNetProgramGenerator
{
    private enum LearningTask { Regression, Binary, Multiclass, Clustering, Anomaly }

    private static readonly string[] Normalizers =
    {
        "NormalizeMeanVariance", "NormalizeMinMax", "NormalizeLogMeanVariance", "NormalizeBinning",
        "NormalizeRobustScaling", "NormalizeLpNorm", "NormalizeGlobalContrast",
    };

    private static readonly string[] NumericColumns = { "Size", "Rooms", "Age" };

    private readonly Random _random;

    public MLNetProgramGenerator(int seed) => _random = new Random(seed);

    public GeneratedProgram Generate(int index)
    {
        var name = $"MLNetProgram{index}";
        var task = (LearningTask)_random.Next(5);
        var ml = Pick("mlContext", "ml", "context");
        var featureColumn = Pick("Features", "Features", "FeatureVector");
        var label = task switch
        {
            LearningTask.Regression => "Price",
            LearningTask.Binary => "Expensive",
            _ => "Label",
        };

        var stages = new List<string>();
        var inputs = NumericColumns.Take(1 + _random.Next(NumericColumns.Length)).ToList();
        if (Chance(0.2))
            stages.AddRange(inputs.Select(column => $"{ml}.Transforms.{Pick("NormalizeMinMax", "NormalizeMeanVariance", "NormalizeLpNorm")}(\"{column}\")"));
        if (Chance(0.3))
        {
            stages.Add($"{ml}.Transforms.Categorical.OneHotEncoding(\"TownEncoded\", \"Town\")");
            inputs.Add("TownEncoded");
        }
        if (Chance(0.2))
        {
            stages.Add($"{ml}.Transforms.Text.FeaturizeText(\"DescriptionFeatures\", \"Description\")");
            inputs.Add("DescriptionFeatures");
        }
        stages.Add($"{ml}.Transforms.Concatenate(\"{featureColumn}\", {string.Join(", ", inputs.Select(column => $"\"{column}\""))})");
        if (Chance(0.45))
        {
            var normalizer = Chance(0.1) ? "NormalizeSupervisedBinning" : Pick(Normalizers);
            var labelArgument = normalizer == "NormalizeSupervisedBinning" ? $", labelColumnName: \"{(task == LearningTask.Regression ? "Price" : "Age")}\"" : string.Empty;
            stages.Add(Chance(0.2)
                ? $"{ml}.Transforms.{normalizer}(\"{featureColumn}Normalized\", \"{featureColumn}\"{labelArgument})"
                : $"{ml}.Transforms.{normalizer}(\"{featureColumn}\"{labelArgument})");
        }
        if (task == LearningTask.Multiclass)
            stages.Add($"{ml}.Transforms.Conversion.MapValueToKey(\"Label\", \"Town\")");

        var trainer = Trainer(task, ml, featureColumn, label, out var optionsStatement);
        var code = new CodeWriter()
            .Line("using System;")
            .Line("using System.Collections.Generic;")
            .Line("using System.Linq;")
            .Line("using Microsoft.ML;")
            .Line("using Microsoft.ML.Data;")
            .Line("using Microsoft.ML.Trainers;")
            .Line()
            .Line($"namespace Generated.{name};")
            .Line()
            .Open("public sealed class HouseRow")
            .Line("public float Size { get; set; }")
            .Line("public float Rooms { get; set; }")
            .Line("public float Age { get; set; }")
            .Line("public float Price { get; set; }")
            .Line("public bool Expensive { get; set; }")
            .Line("public string Town { get; set; } = \"\";")
            .Line("public string Description { get; set; } = \"\";")
            .Close()
            .Line()
            .Open("public static class TrainingProgram")
            .Open("public static void Main(string[] args)")
            .Line($"var {ml} = new MLContext(seed: {index});")
            .Line("var rows = Enumerable.Range(0, 100).Select(i => new HouseRow { Size = 500f + i * 45f, Rooms = 1 + i % 5, Age = i % 40, Price = 70000f + i * 4500f, Expensive = i > 50, Town = \"town\" + (i % 3), Description = \"house \" + i }).ToList();")
            .Line($"var data = {ml}.Data.LoadFromEnumerable(rows);");
        if (optionsStatement is not null)
            code.Line(optionsStatement);

        var trailingNormalizer = Chance(0.1) ? $"{ml}.Transforms.NormalizeMeanVariance(\"{featureColumn}\")" : null;
        switch (_random.Next(5))
        {
            case 0:
                code.Line($"var pipeline = {Chain(stages.Append(trainer), ml)}{(trailingNormalizer is null ? "" : $".Append({trailingNormalizer})")};")
                    .Line("var model = pipeline.Fit(data);");
                break;
            case 1:
                code.Line($"var trainer = {trainer};")
                    .Line($"var pipeline = {Chain(stages.Append("trainer"), ml)};")
                    .Line("var model = pipeline.Fit(data);");
                break;
            case 2:
                code.Line($"var featurePipeline = {Chain(stages, ml)};")
                    .Line($"var trainer = {trainer};")
                    .Line("var pipeline = featurePipeline.Append(trainer);")
                    .Line("var model = pipeline.Fit(data);");
                break;
            case 3:
                code.Line($"var featurePipeline = {Chain(stages, ml)};")
                    .Line("var transformed = featurePipeline.Fit(data).Transform(data);")
                    .Line($"var trainer = {trainer};")
                    .Line("var model = trainer.Fit(transformed);");
                break;
            default:
                code.Line($"IEstimator<ITransformer> pipeline = {stages[0]};");
                foreach (var stage in stages.Skip(1))
                    code.Line($"pipeline = pipeline.Append({stage});");
                code.Line($"pipeline = pipeline.Append({trainer});")
                    .Line("var model = pipeline.Fit(data);");
                break;
        }
        if (Chance(0.5))
            code.Line("Console.WriteLine(model.Transform(data).Schema.Count);");
        code.Close().Close();
        return new GeneratedProgram(name, code.ToString());
    }

    private string Chain(IEnumerable<string> stages, string ml)
    {
        var list = stages.ToList();
        var text = list[0];
        foreach (var stage in list.Skip(1))
        {
            text += $"\n            .Append({stage})";
            if (Chance(0.1))
                text += $"\n            .AppendCacheCheckpoint({ml})";
        }
        return text;
    }

    private string Trainer(LearningTask task, string ml, string featureColumn, string label, out string? optionsStatement)
    {
        optionsStatement = null;
        var featureArgument = featureColumn == "Features" && Chance(0.5) ? string.Empty : $"featureColumnName: \"{featureColumn}\"";
        string WithLabel(string catalog, string trainer) =>
            $"{ml}.{catalog}.Trainers.{trainer}({string.Join(", ", new[] { $"labelColumnName: \"{label}\"", featureArgument }.Where(a => a.Length > 0))})";

        if (Chance(0.25) && OptionsType(task) is { } options)
        {
            optionsStatement = $"var options = new {options.Type} {{ FeatureColumnName = \"{featureColumn}\"{(task is LearningTask.Clustering or LearningTask.Anomaly ? "" : $", LabelColumnName = \"{label}\"")} }};";
            return $"{ml}.{options.Catalog}.Trainers.{options.Method}(options)";
        }

        switch (task)
        {
            case LearningTask.Regression:
                return WithLabel("Regression", Pick("Sdca", "OnlineGradientDescent", "LbfgsPoissonRegression"));
            case LearningTask.Binary:
                if (Chance(0.1))
                    return $"{ml}.BinaryClassification.Trainers.Prior(labelColumnName: \"{label}\")";
                if (Chance(0.1))
                    return $"{ml}.BinaryClassification.Trainers.FieldAwareFactorizationMachine(featureColumnName: \"{featureColumn}\", labelColumnName: \"{label}\")";
                return WithLabel("BinaryClassification", Pick("SdcaLogisticRegression", "SdcaNonCalibrated", "SgdCalibrated", "SgdNonCalibrated", "LbfgsLogisticRegression", "AveragedPerceptron", "LinearSvm", "LdSvm"));
            case LearningTask.Multiclass:
                if (Chance(0.3))
                {
                    var inner = $"{ml}.BinaryClassification.Trainers.{Pick("AveragedPerceptron", "LinearSvm", "SgdNonCalibrated")}({(featureArgument.Length > 0 ? featureArgument : "")})";
                    return $"{ml}.MulticlassClassification.Trainers.{Pick("OneVersusAll", "PairwiseCoupling")}({inner})";
                }
                return WithLabel("MulticlassClassification", Pick("SdcaMaximumEntropy", "SdcaNonCalibrated", "LbfgsMaximumEntropy", "NaiveBayes"));
            case LearningTask.Clustering:
                return $"{ml}.Clustering.Trainers.KMeans(featureColumnName: \"{featureColumn}\", numberOfClusters: 3)";
            default:
                return $"{ml}.AnomalyDetection.Trainers.RandomizedPca(featureColumnName: \"{featureColumn}\", rank: 1)";
        }
    }

    private (string Type, string Catalog, string Method)? OptionsType(LearningTask task) => task switch
    {
        LearningTask.Regression => Pick(("SdcaRegressionTrainer.Options", "Regression", "Sdca"), ("OnlineGradientDescentTrainer.Options", "Regression", "OnlineGradientDescent"), ("LbfgsPoissonRegressionTrainer.Options", "Regression", "LbfgsPoissonRegression")),
        LearningTask.Binary => Pick(("SdcaLogisticRegressionBinaryTrainer.Options", "BinaryClassification", "SdcaLogisticRegression"), ("AveragedPerceptronTrainer.Options", "BinaryClassification", "AveragedPerceptron"), ("LinearSvmTrainer.Options", "BinaryClassification", "LinearSvm"), ("LbfgsLogisticRegressionBinaryTrainer.Options", "BinaryClassification", "LbfgsLogisticRegression")),
        LearningTask.Multiclass => Pick(("SdcaMaximumEntropyMulticlassTrainer.Options", "MulticlassClassification", "SdcaMaximumEntropy"), ("LbfgsMaximumEntropyMulticlassTrainer.Options", "MulticlassClassification", "LbfgsMaximumEntropy")),
        LearningTask.Clustering => ("KMeansTrainer.Options", "Clustering", "KMeans"),
        _ => ("RandomizedPcaTrainer.Options", "AnomalyDetection", "RandomizedPca"),
    };

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
