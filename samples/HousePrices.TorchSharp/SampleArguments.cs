using System.Globalization;

namespace HousePrices;

/// <summary>
/// The command line. Without a command the sample trains every setting, prints the table, draws the picture and saves the
/// best standardized model with its scaling; <c>predict SQFT</c> loads that saved model (nothing else) and prices a house.
/// </summary>
internal sealed record SampleArguments(string? PlotPath, string? DataCsvPath, string? ModelPath, double? PredictSquareFeet)
{
    public const string Usage =
        "usage: HousePrices.TorchSharp [--plot PATH.png] [--data-csv PATH.csv] [--model PATH.bin]\n" +
        "       HousePrices.TorchSharp predict SQFT [--model PATH.bin]";

    public static bool TryParse(IReadOnlyList<string> args, out SampleArguments arguments, out string problem)
    {
        string? plotPath = null;
        string? dataCsvPath = null;
        string? modelPath = null;
        double? predictSquareFeet = null;
        arguments = new SampleArguments(null, null, null, null);
        var first = 0;
        if (args.Count > 0 && args[0] == "predict")
        {
            if (args.Count < 2 || !double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var squareFeet)
                || !double.IsFinite(squareFeet) || squareFeet <= 0)
            {
                problem = "'predict' needs a house size in square feet after it, e.g. predict 2000";
                return false;
            }

            predictSquareFeet = squareFeet;
            first = 2;
        }

        for (var i = first; i < args.Count; i++)
        {
            var option = args[i];
            if (option is not ("--plot" or "--data-csv" or "--model") || (predictSquareFeet is not null && option != "--model"))
            {
                problem = $"unknown argument '{option}'";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"'{option}' needs a file path after it";
                return false;
            }

            switch (option)
            {
                case "--plot":
                    plotPath = args[++i];
                    break;
                case "--data-csv":
                    dataCsvPath = args[++i];
                    break;
                default:
                    modelPath = args[++i];
                    break;
            }
        }

        arguments = new SampleArguments(plotPath, dataCsvPath, modelPath, predictSquareFeet);
        problem = "";
        return true;
    }
}
