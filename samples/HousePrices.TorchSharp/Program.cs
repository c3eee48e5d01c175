using System.Globalization;
using System.Reflection;
using ScalingAnalyzer.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace HousePrices;

/// <summary>
/// The seed article's house-price regression in TorchSharp, trained seven ways, against the least-squares answer.
/// Usage: HousePrices.TorchSharp [--plot PATH.png] [--data-csv PATH.csv]
/// </summary>
internal static class Program
{
    private const int Samples = 100;
    private const double LargerLearningRate = 1e-2;

    public static int Main(string[] args)
    {
        if (!SampleArguments.TryParse(args, out var arguments, out var problem))
        {
            Console.Error.WriteLine(problem);
            Console.Error.WriteLine("usage: HousePrices.TorchSharp [--plot PATH.png] [--data-csv PATH.csv]");
            return 2;
        }

        // One thread: the same numbers on every run.
        torch.set_num_threads(1);

        // The article's data: 100 houses of 500..5000 sq ft, priced $100 per sq ft plus $20,000, noise of $10,000.
        torch.manual_seed(42);
        var X = torch.rand(Samples, 1) * 4500 + 500;
        var y = 100 * X + 20000 + torch.randn(Samples, 1) * 10000;

        var leastSquares = LeastSquares.Fit(X, y);
        var results = new List<SettingResult>();

        // 1. The article's example 1: nothing scaled.
        var nothingScaled = Training.TrainWithAdam(X, y, Training.ArticleLearningRate);
        results.Add(SettingResult.InOriginalUnits("nothing scaled (article's example 1)", "Adam, lr 1e-3", nothingScaled));

        // 2. The article's example 2: the feature standardized, the target still in dollars.
        var xStandardScaler = StandardScaler.Fit(X);
        var xStandardized = xStandardScaler.Transform(X);
        var featureStandardized = Training.TrainWithAdam(xStandardized, y, Training.ArticleLearningRate);
        results.Add(SettingResult.Unscaled("feature standardized (article's example 2)", "Adam, lr 1e-3", featureStandardized,
            LinearModelUnscaler.Unscale(featureStandardized.Model.weight!, featureStandardized.Model.bias!, xStandardScaler)));

        // 3. The article's example 3: the feature min-max scaled to [0, 1], the target still in dollars.
        var xMinMaxScaler = MinMaxScaler.Fit(X);
        var xMinMaxScaled = xMinMaxScaler.Transform(X);
        var featureMinMaxScaled = Training.TrainWithAdam(xMinMaxScaled, y, Training.ArticleLearningRate);
        results.Add(SettingResult.Unscaled("feature min-max (article's example 3)", "Adam, lr 1e-3", featureMinMaxScaled,
            LinearModelUnscaler.Unscale(featureMinMaxScaled.Model.weight!, featureMinMaxScaled.Model.bias!, xMinMaxScaler)));

        // 4. Feature and target standardized; the scalers map the learned line back to dollars and square feet.
        var yStandardScaler = StandardScaler.Fit(y);
        var yStandardized = yStandardScaler.Transform(y);
        var bothStandardized = Training.TrainWithAdam(xStandardized, yStandardized, Training.ArticleLearningRate);
        results.Add(SettingResult.Unscaled("feature and target standardized", "Adam, lr 1e-3", bothStandardized,
            LinearModelUnscaler.Unscale(bothStandardized.Model.weight!, bothStandardized.Model.bias!, xStandardScaler, yStandardScaler),
            yStandardScaler));

        // 5. The same with a ten times larger learning rate.
        var bothStandardizedFaster = Training.TrainWithAdam(xStandardized, yStandardized, LargerLearningRate);
        results.Add(SettingResult.Unscaled("feature and target standardized", "Adam, lr 1e-2", bothStandardizedFaster,
            LinearModelUnscaler.Unscale(bothStandardizedFaster.Model.weight!, bothStandardizedFaster.Model.bias!, xStandardScaler, yStandardScaler),
            yStandardScaler));

        // 6. Plain SGD on the raw data diverges.
        var sgdNothingScaled = Training.TrainWithSgd(X, y, Training.ArticleLearningRate);
        results.Add(SettingResult.InOriginalUnits("nothing scaled", "SGD, lr 1e-3", sgdNothingScaled));

        // 7. Plain SGD on standardized feature and target converges.
        var sgdBothStandardized = Training.TrainWithSgd(xStandardized, yStandardized, LargerLearningRate);
        results.Add(SettingResult.Unscaled("feature and target standardized", "SGD, lr 1e-2", sgdBothStandardized,
            LinearModelUnscaler.Unscale(sgdBothStandardized.Model.weight!, sgdBothStandardized.Model.bias!, xStandardScaler, yStandardScaler),
            yStandardScaler));

        var sizes = ToDoubles(X);
        var prices = ToDoubles(y);
        var torchSharpVersion = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        Console.WriteLine($"House prices, TorchSharp {torchSharpVersion}: {Samples} samples, nn.Linear(1, 1), MSE loss, "
            + $"{Training.Epochs} epochs of mini-batches of {Training.BatchSize}.");
        Console.WriteLine();
        Console.Write(ResultTable(results, leastSquares, sizes, prices));
        Console.WriteLine();
        Console.WriteLine("Slope and intercept are in original units (un-scaled with LinearModelUnscaler where the model trained on scaled data).");
        Console.WriteLine("Final loss: MSE over all samples after the last step, in the units the model trained on ($², or (standardized $)² when");
        Console.WriteLine("the target was standardized); for a diverged run, the mini-batch loss that overflowed. RMSE: of the learned line over");
        Console.WriteLine("all samples, in $.");

        if (arguments.DataCsvPath is { } dataCsvPath)
        {
            WriteDataCsv(dataCsvPath, sizes, prices);
            Console.WriteLine($"Data written to {dataCsvPath}");
        }

        var plotPath = arguments.PlotPath ?? DefaultPlotPath();
        LossAndFitPlot.Write(plotPath, sizes, prices, leastSquares,
            new PlottedRun("nothing scaled", results[0]),
            new PlottedRun("feature standardized", results[1]),
            new PlottedRun("feature and target standardized, Adam 1e-3", results[3]),
            new PlottedRun("feature and target standardized, Adam 1e-2", results[4]));
        Console.WriteLine($"Picture written to {plotPath}");
        return 0;
    }

    private static string ResultTable(IReadOnlyList<SettingResult> results, LeastSquaresResult leastSquares, double[] sizes, double[] prices)
    {
        var table = new MarkdownTable("what is scaled", "optimizer", "slope ($/sq ft)", "intercept ($)", "RMSE ($)", "steps",
            "final loss (training units)", "least squares: slope, intercept, RMSE");
        var leastSquaresCell = $"{MarkdownTable.Number(leastSquares.Coefficients[0])}, {MarkdownTable.Number(leastSquares.Intercept)}, "
            + MarkdownTable.Number(RootMeanSquaredError(leastSquares.Coefficients[0], leastSquares.Intercept, sizes, prices));
        foreach (var result in results)
        {
            var steps = result.Run.HasDiverged
                ? $"{result.Run.StepsTaken} (diverged)"
                : result.Run.StepsTaken.ToString(CultureInfo.InvariantCulture);
            table.AddRow(result.Setting, result.Optimizer, MarkdownTable.Number(result.Slope), MarkdownTable.Number(result.Intercept),
                MarkdownTable.Number(RootMeanSquaredError(result.Slope, result.Intercept, sizes, prices)), steps,
                $"{MarkdownTable.Number(result.Run.FinalLoss)} {result.LossUnit}", leastSquaresCell);
        }

        return table.ToString();
    }

    private static double RootMeanSquaredError(double slope, double intercept, double[] sizes, double[] prices)
    {
        var sumOfSquares = 0.0;
        for (var i = 0; i < sizes.Length; i++)
        {
            var residual = prices[i] - (slope * sizes[i] + intercept);
            sumOfSquares += residual * residual;
        }

        return Math.Sqrt(sumOfSquares / sizes.Length);
    }

    private static double[] ToDoubles(Tensor column) => column.to_type(ScalarType.Float64).data<double>().ToArray();

    private static void WriteDataCsv(string path, double[] sizes, double[] prices)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        writer.WriteLine("size_sqft,price_usd");
        for (var i = 0; i < sizes.Length; i++)
        {
            // The tensors are float32: "R" of the float value writes each number exactly and briefly.
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(float)sizes[i]:R},{(float)prices[i]:R}"));
        }
    }

    /// <summary>
    /// artifacts/house-prices.png under the repository root when run inside the repository (an ignored folder: running
    /// the demo changes no tracked file), else the current directory. The README's committed picture is regenerated
    /// explicitly with --plot docs/images/house-prices.png.
    /// </summary>
    private static string DefaultPlotPath()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScalingAnalyzer.sln")))
            {
                return Path.Combine(directory.FullName, "artifacts", "house-prices.png");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "house-prices.png");
    }
}
