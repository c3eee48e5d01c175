// Entry point of the consumer projects: `dotnet run -- torch`, `-- mlnet` or `-- seed` trains a house-price example and prints
// one "key value" line per figure, which the consumer tests read.
using System;
using System.Globalization;

namespace Consumer;

public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        switch (args.Length == 1 ? args[0] : "")
        {
            case "torch":
                HousePriceTraining.Run();
                return 0;
            case "mlnet":
                HousePriceRegression.Run();
                return 0;
            case "seed":
                SeedPrediction.Run();
                return 0;
            default:
                Console.Error.WriteLine("usage: Consumer torch|mlnet|seed");
                return 2;
        }
    }
}
