namespace HousePrices;

/// <summary>The command line: where to write the picture, and optionally the generated data as CSV.</summary>
internal sealed record SampleArguments(string? PlotPath, string? DataCsvPath)
{
    public static bool TryParse(IReadOnlyList<string> args, out SampleArguments arguments, out string problem)
    {
        string? plotPath = null;
        string? dataCsvPath = null;
        arguments = new SampleArguments(null, null);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is not ("--plot" or "--data-csv"))
            {
                problem = $"unknown argument '{option}'";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"'{option}' needs a file path after it";
                return false;
            }

            if (option == "--plot")
            {
                plotPath = args[++i];
            }
            else
            {
                dataCsvPath = args[++i];
            }
        }

        arguments = new SampleArguments(plotPath, dataCsvPath);
        problem = "";
        return true;
    }
}
