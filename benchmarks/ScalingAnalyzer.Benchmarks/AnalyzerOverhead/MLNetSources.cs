namespace ScalingAnalyzer.Benchmarks.AnalyzerOverhead;

/// <summary>
/// ML.NET programs: regression, binary classification and clustering pipelines with and without normalizers,
/// text and categorical featurization, evaluation, and code that only loads a model and predicts.
/// </summary>
internal static class MLNetSources
{
    private static readonly string[] RegressionTrainers =
        ["Sdca(labelColumnName: \"Price\")", "OnlineGradientDescent(labelColumnName: \"Price\")", "LbfgsPoissonRegression(labelColumnName: \"Price\")"];

    private static readonly string[] BinaryTrainers =
        ["SdcaLogisticRegression(labelColumnName: \"Expensive\")", "AveragedPerceptron(labelColumnName: \"Expensive\")",
         "LinearSvm(labelColumnName: \"Expensive\")", "LbfgsLogisticRegression(labelColumnName: \"Expensive\")"];

    private static readonly string[] Normalizers =
        ["", "NormalizeMeanVariance(\"Features\")", "NormalizeMinMax(\"Features\")", "", "NormalizeLogMeanVariance(\"Features\")"];

    public static string Create(int index, Random random) => (index % 4) switch
    {
        0 => Regression(index, random),
        1 => BinaryWithText(index, random),
        2 => Clustering(index, random),
        _ => PredictionOnly(index, random),
    };

    private static string Row(int index) => $$"""
        public sealed class House{{index}}
        {
            public float Size { get; set; }
            public float Rooms { get; set; }
            public float Age { get; set; }
            public string City { get; set; } = "";
            public string Description { get; set; } = "";
            public float Price { get; set; }
            public bool Expensive { get; set; }
        }

        public sealed class PricePrediction{{index}}
        {
            public float Score { get; set; }
        }
        """;

    private static string NormalizerStage(Random random)
    {
        var normalizer = Normalizers[random.Next(Normalizers.Length)];
        return normalizer.Length == 0 ? "" : $"\n                .Append(ml.Transforms.{normalizer})";
    }

    private static string Regression(int index, Random random) => $$"""
        using System;
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        namespace Generated.Pipelines{{index}};

        {{Row(index)}}

        public static class RegressionPipeline{{index}}
        {
            public static double Train(int seed)
            {
                var ml = new MLContext(seed);
                var generator = new Random(seed);
                var rows = Enumerable.Range(0, {{random.Next(100, 5000)}}).Select(i => new House{{index}}
                {
                    Size = 500 + (float)generator.NextDouble() * 4500,
                    Rooms = generator.Next(1, 8),
                    Age = generator.Next(0, 120),
                    Price = 20000 + 100 * i,
                }).ToList();
                var data = ml.Data.LoadFromEnumerable(rows);
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                var pipeline = ml.Transforms.Concatenate("Features", "Size", "Rooms", "Age"){{NormalizerStage(random)}}
                    .Append(ml.Regression.Trainers.{{RegressionTrainers[random.Next(RegressionTrainers.Length)]}});
                var model = pipeline.Fit(split.TrainSet);
                var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: "Price");
                Console.WriteLine($"R2 {metrics.RSquared:F3}, RMSE {metrics.RootMeanSquaredError:F1}");
                return metrics.RSquared;
            }
        }
        """;

    private static string BinaryWithText(int index, Random random)
    {
        var oneHot = random.Next(2) == 0;
        var featureColumns = oneHot ? "\"DescriptionFeatures\", \"CityEncoded\", \"Size\"" : "\"DescriptionFeatures\", \"Size\", \"Rooms\"";
        return $$"""
            using System.Collections.Generic;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Generated.Pipelines{{index}};

            {{Row(index)}}

            public static class ListingClassifier{{index}}
            {
                public static CalibratedBinaryClassificationMetrics? Evaluate(IEnumerable<House{{index}}> listings)
                {
                    var ml = new MLContext({{index}});
                    var data = ml.Data.LoadFromEnumerable(listings);
                    var pipeline = ml.Transforms.Text.FeaturizeText("DescriptionFeatures", "Description")
                        .Append(ml.Transforms.Categorical.OneHotEncoding("CityEncoded", "City"))
                        .Append(ml.Transforms.Concatenate("Features", {{featureColumns}})){{NormalizerStage(random)}}
                        .Append(ml.BinaryClassification.Trainers.{{BinaryTrainers[random.Next(BinaryTrainers.Length)]}});
                    var model = pipeline.Fit(data);
                    var scored = model.Transform(data);
                    try
                    {
                        return ml.BinaryClassification.Evaluate(scored, labelColumnName: "Expensive");
                    }
                    catch (System.ArgumentOutOfRangeException)
                    {
                        return null; // uncalibrated trainers have no probability column
                    }
                }
            }
            """;
    }

    private static string Clustering(int index, Random random) => $$"""
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        namespace Generated.Pipelines{{index}};

        {{Row(index)}}

        public static class Segments{{index}}
        {
            public static double AverageDistance(House{{index}}[] houses)
            {
                var ml = new MLContext({{index}});
                var data = ml.Data.LoadFromEnumerable(houses);
                var pipeline = ml.Transforms.Concatenate("Features", "Size", "Age"){{NormalizerStage(random)}}
                    .Append(ml.Clustering.Trainers.KMeans(numberOfClusters: {{random.Next(2, 9)}}));
                var model = pipeline.Fit(data);
                var metrics = ml.Clustering.Evaluate(model.Transform(data));
                return metrics.AverageDistance;
            }

            public static House{{index}}[] Cheapest(House{{index}}[] houses, int count) =>
                houses.OrderBy(h => h.Price).Take(count).ToArray();
        }
        """;

    private static string PredictionOnly(int index, Random random) => $$"""
        using System.IO;
        using Microsoft.ML;

        namespace Generated.Pipelines{{index}};

        {{Row(index)}}

        public sealed class PriceService{{index}}
        {
            private readonly PredictionEngine<House{{index}}, PricePrediction{{index}}> _engine;

            public PriceService{{index}}(string modelPath)
            {
                var ml = new MLContext();
                using var stream = File.OpenRead(modelPath);
                var model = ml.Model.Load(stream, out _);
                _engine = ml.Model.CreatePredictionEngine<House{{index}}, PricePrediction{{index}}>(model);
            }

            public float Quote(float size, float rooms) =>
                _engine.Predict(new House{{index}} { Size = size, Rooms = rooms, Age = {{random.Next(0, 50)}} }).Score;
        }
        """;
}
