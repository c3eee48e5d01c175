using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>
/// The whole life of the sample's model: one process trains and saves it with its scaling, a second process loads the
/// file and prices a 2000 sq ft house in dollars, within 3% of least squares; and this process, which never saw the
/// data, loads the same file into a model it builds itself.
/// </summary>
public sealed partial class SampleRunTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sample-run-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TrainedAndSavedInOneProcessLoadedAndPredictingInDollarsInAnother()
    {
        var model = Path.Combine(_directory, "house-prices-model.bin");
        var training = Run("--model", model, "--plot", Path.Combine(_directory, "house-prices.png"));
        Assert.Contains($"Model with its scaling saved to {model}", training, StringComparison.Ordinal);
        Assert.True(File.Exists(model));

        var prediction = Run("predict", "2000", "--model", model);
        var match = PredictionLine().Match(prediction);
        Assert.True(match.Success, prediction);
        var predicted = double.Parse(match.Groups["predicted"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        var leastSquares = double.Parse(match.Groups["leastSquares"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        // Least squares of the sample's data at 2000 sq ft: 98.97 · 2000 + 22821.
        Assert.InRange(leastSquares, 215_000, 226_000);
        Assert.True(Math.Abs(predicted - leastSquares) <= 0.03 * leastSquares, prediction);

        // A consumer of the file that shares no code with the sample: the same structure by name, then load.
        using var scope = torch.NewDisposeScope();
        var served = nn.Sequential(("scale_size", new ColumnScaling(1)), ("linear", nn.Linear(1, 1)),
            ("unscale_price", new ColumnScaling(1, inverse: true)));
        served.load(model);
        using (torch.no_grad())
        {
            var price = served.call(torch.tensor(new[] { 2000f }).reshape(1, 1)).item<float>();
            Assert.InRange(price, predicted - 0.5, predicted + 0.5);   // the sample printed it rounded to the dollar
        }
    }

    [Fact]
    public void PredictingWithoutASavedModelSaysWhatToDo()
    {
        var missing = Path.Combine(_directory, "missing.bin");
        var (exitCode, _, error) = Execute("predict", "2000", "--model", missing);
        Assert.Equal(1, exitCode);
        Assert.Contains($"No saved model at {missing}: run the sample without 'predict' first", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"A 2,000 sq ft house: predicted \$(?<predicted>[\d,]+); least squares on the training data \$(?<leastSquares>[\d,]+)")]
    private static partial Regex PredictionLine();

    private string Run(params string[] arguments)
    {
        var (exitCode, standardOutput, standardError) = Execute(arguments);
        output.WriteLine(standardOutput);
        Assert.True(exitCode == 0, $"the sample exited with {exitCode}: {standardError}");
        return standardOutput;
    }

    private (int ExitCode, string Output, string Error) Execute(params string[] arguments)
    {
        var sample = typeof(SampleRunTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "HousePricesSample").Value!;
        Assert.True(File.Exists(sample), $"The sample is not built at {sample}; building this test project builds it.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(sample);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the sample did not finish within 3 minutes");
        return (process.ExitCode, standardOutput, standardError.Result);
    }
}
