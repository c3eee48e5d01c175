using System.Globalization;
using System.Reflection;
using ScalingAnalyzer.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace HousePrices;

/// <summary>
/// The seed article's house-price regression in TorchSharp, trained seven ways, against the least-squares answer; the
/// model trained on standardized size and price is saved with its scaling, and <c>predict SQFT</c> loads it in a fresh
/// process and prices a house in dollars.
/// Usage: HousePrices.TorchSharp [--plot PATH.png] [--data-csv PATH.csv] [--model PATH.bin] | predict SQFT [--model PATH.bin]
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
            Console.Error.WriteLine(SampleArguments.Usage);
            return 2;
        }

        // One thread: the same numbers on every run.
        torch.set_num_threads(1);

        var modelPath = arguments.ModelPath ?? ArtifactPath("house-prices-model.bin");
        if (arguments.PredictSquareFeet is { } squareFeet)
        {
            return Predict(modelPath, squareFeet);
        }

        var (X, y) = GenerateHouses();

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

        var plotPath = arguments.PlotPath ?? ArtifactPath("house-prices.png");
        LossAndFitPlot.Write(plotPath, sizes, prices, leastSquares,
            new PlottedRun("nothing scaled", results[0]),
            new PlottedRun("feature standardized", results[1]),
            new PlottedRun("feature and target standardized, Adam 1e-3", results[3]),
            new PlottedRun("feature and target standardized, Adam 1e-2", results[4]));
        Console.WriteLine($"Picture written to {plotPath}");

        // The model of row 5 (Adam, lr 1e-2, on standardized size and price) ships with its two scalers inside it.
        HousePriceModel.Save(modelPath, xStandardScaler, bothStandardizedFaster.Model, yStandardScaler);
        Console.WriteLine($"Model with its scaling saved to {modelPath}; price a house with: predict 2000 --model {modelPath}");
        return 0;
    }

    /// <summary>The article's data: 100 houses of 500..5000 sq ft, priced $100 per sq ft plus $20,000, noise of $10,000.</summary>
    private static (Tensor Sizes, Tensor Prices) GenerateHouses()
    {
        torch.manual_seed(42);
        var X = torch.rand(Samples, 1) * 4500 + 500;
        var y = 100 * X + 20000 + torch.randn(Samples, 1) * 10000;
        return (X, y);
    }

    /// <summary>
    /// A fresh process: the saved file is all the prediction uses. Square feet go in as they are and dollars come out,
    /// because the scaling is inside the model. The least-squares line of the training data (generated again, for this
    /// comparison only) says what the answer should be.
    /// </summary>
    private static int Predict(string modelPath, double squareFeet)
    {
        if (!File.Exists(modelPath))
        {
            Console.Error.WriteLine($"No saved model at {modelPath}: run the sample without 'predict' first (it trains and saves one), or pass --model PATH.");
            return 1;
        }

        var model = HousePriceModel.Load(modelPath);
        double predicted;
        using (torch.no_grad())
        {
            using var house = torch.tensor(new[] { (float)squareFeet }).reshape(1, 1);
            using var price = model.forward(house);
            predicted = price.item<float>();
        }

        var (sizes, prices) = GenerateHouses();
        var leastSquares = LeastSquares.Fit(sizes, prices).Predict([squareFeet]);
        Console.WriteLine($"Loaded {modelPath}: {string.Join(" -> ", model.named_children().Select(child => child.name))}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A {squareFeet:N0} sq ft house: predicted ${predicted:N0}; least squares on the training data ${leastSquares:N0} ({(predicted - leastSquares) / leastSquares:+0.0%;-0.0%})."));
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
    /// artifacts/FILE under the repository root when run inside the repository (an ignored folder: running the demo
    /// changes no tracked file), else the current directory. The README's committed picture is regenerated explicitly
    /// with --plot docs/images/house-prices.png.
    /// </summary>
    private static string ArtifactPath(string fileName)
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScalingAnalyzer.sln")))
            {
                return Path.Combine(directory.FullName, "artifacts", fileName);
            }
        }

        return Path.Combine(Environment.CurrentDirectory, fileName);
    }
}
