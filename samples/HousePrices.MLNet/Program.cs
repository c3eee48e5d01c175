using System.Globalization;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ScalingAnalyzer.Runtime;

namespace HousePrices;

/// <summary>
/// The seed article's house-price regression in ML.NET: two trainers that ML.NET documents as needing
/// normalization, each without a normalizer, with NormalizeMeanVariance and with NormalizeMinMax, against the
/// least-squares answer. The data is the TorchSharp sample's (torch.manual_seed(42)), committed as data/house-prices.csv.
/// </summary>
internal static class Program
{
    private const string LabelColumn = nameof(House.Price);
    private const string FeatureColumn = "Features";

    public static int Main()
    {
        var dataPath = Path.Combine(AppContext.BaseDirectory, "data", "house-prices.csv");
        var houses = House.ReadCsv(dataPath);

        // Seeded, and SDCA on one thread: the same numbers on every run. SDCA's default iteration limit gives the same
        // model on this data but takes about 15 s per fit; 100 iterations take under a second.
        var mlContext = new MLContext(seed: 42);
        var data = mlContext.Data.LoadFromEnumerable(houses);

        var sdcaOptions = new SdcaRegressionTrainer.Options
        {
            LabelColumnName = LabelColumn,
            FeatureColumnName = FeatureColumn,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 100,
        };
        var pipelines = new (string Trainer, string Normalizer, IEstimator<ITransformer> Pipeline)[]
        {
            ("Sdca", "none",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Regression.Trainers.Sdca(sdcaOptions))),
            ("Sdca", "NormalizeMeanVariance",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Transforms.NormalizeMeanVariance(FeatureColumn))
                    .Append(mlContext.Regression.Trainers.Sdca(sdcaOptions))),
            ("Sdca", "NormalizeMinMax",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Transforms.NormalizeMinMax(FeatureColumn))
                    .Append(mlContext.Regression.Trainers.Sdca(sdcaOptions))),
            ("OnlineGradientDescent", "none",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Regression.Trainers.OnlineGradientDescent(LabelColumn, FeatureColumn))),
            ("OnlineGradientDescent", "NormalizeMeanVariance",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Transforms.NormalizeMeanVariance(FeatureColumn))
                    .Append(mlContext.Regression.Trainers.OnlineGradientDescent(LabelColumn, FeatureColumn))),
            ("OnlineGradientDescent", "NormalizeMinMax",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Transforms.NormalizeMinMax(FeatureColumn))
                    .Append(mlContext.Regression.Trainers.OnlineGradientDescent(LabelColumn, FeatureColumn))),
            ("OnlineGradientDescent, 100 passes", "NormalizeMeanVariance",
                mlContext.Transforms.Concatenate(FeatureColumn, nameof(House.Size))
                    .Append(mlContext.Transforms.NormalizeMeanVariance(FeatureColumn))
                    .Append(mlContext.Regression.Trainers.OnlineGradientDescent(LabelColumn, FeatureColumn, numberOfIterations: 100))),
        };

        var sizes = houses.Select(house => (double)house.Size).ToArray();
        var prices = houses.Select(house => (double)house.Price).ToArray();
        var leastSquares = LeastSquares.Fit(sizes, prices);
        var leastSquaresRmse = RootMeanSquaredError(leastSquares, sizes, prices);

        var table = new MarkdownTable("trainer", "normalizer", "RMSE ($)", "R²", "RMSE / least-squares RMSE", "least squares: RMSE, R²", "outcome");
        var leastSquaresCell = $"{MarkdownTable.Number(leastSquaresRmse)}, {leastSquares.RSquared:0.0000}";
        foreach (var (trainer, normalizer, pipeline) in pipelines)
        {
            try
            {
                var model = pipeline.Fit(data);
                var metrics = mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: LabelColumn);
                table.AddRow(trainer, normalizer, MarkdownTable.Number(metrics.RootMeanSquaredError),
                    metrics.RSquared.ToString("0.0000", CultureInfo.InvariantCulture),
                    MarkdownTable.Number(metrics.RootMeanSquaredError / leastSquaresRmse), leastSquaresCell, "trained");
            }
            catch (InvalidOperationException failure)
            {
                // OnlineGradientDescent checks its weights after training and refuses NaN or infinite ones.
                table.AddRow(trainer, normalizer, "-", "-", "-", leastSquaresCell, $"throws: {failure.Message}");
            }
        }

        var mlNetVersion = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        Console.WriteLine($"House prices, ML.NET {mlNetVersion}: {houses.Count} samples from {Path.GetFileName(dataPath)}; "
            + "trainers' default settings except SDCA on one thread with at most 100 iterations; RMSE and R² on the training data.");
        Console.WriteLine();
        Console.Write(table);
        return 0;
    }

    private static double RootMeanSquaredError(LeastSquaresResult fit, double[] sizes, double[] prices)
    {
        var sumOfSquares = 0.0;
        for (var i = 0; i < sizes.Length; i++)
        {
            var residual = prices[i] - fit.Predict(new[] { sizes[i] });
            sumOfSquares += residual * residual;
        }

        return Math.Sqrt(sumOfSquares / sizes.Length);
    }
}

/// <summary>One house: its size in square feet and its price in dollars.</summary>
internal sealed class House
{
    public float Size { get; set; }

    public float Price { get; set; }

    public static IReadOnlyList<House> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || lines[0] != "size_sqft,price_usd")
        {
            throw new InvalidDataException($"{path}: expected the header 'size_sqft,price_usd' and at least one row.");
        }

        var houses = new List<House>(lines.Length - 1);
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            if (cells.Length != 2
                || !float.TryParse(cells[0], CultureInfo.InvariantCulture, out var size)
                || !float.TryParse(cells[1], CultureInfo.InvariantCulture, out var price))
            {
                throw new InvalidDataException($"{path}, line {row + 1}: expected two numbers, got '{lines[row]}'.");
            }

            houses.Add(new House { Size = size, Price = price });
        }

        return houses;
    }
}
