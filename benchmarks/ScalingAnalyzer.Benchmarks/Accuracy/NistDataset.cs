using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ScalingAnalyzer.Benchmarks.Accuracy;

/// <summary>
/// One NIST StRD linear-regression dataset (same reading as the runtime tests' NistDataset): observations
/// from line 61 of the .dat file, y first, and the certified values from certified.json.
/// </summary>
internal sealed record NistDataset(
    string Name, double[] Y, double[][] Predictors, bool HasIntercept, int PolynomialDegree, double[] CertifiedBeta)
{
    public static readonly string[] AllNames =
        ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"];

    private const int FirstDataLine = 61;

    public static NistDataset Load(string name)
    {
        var directory = Path.Combine(ReferenceDataDirectory(), "nist");
        var rows = File.ReadLines(Path.Combine(directory, name + ".dat"))
            .Skip(FirstDataLine - 1)
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 0)
            .Select(fields => fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        using var certified = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "certified.json")));
        var entry = certified.RootElement.GetProperty(name);
        var model = entry.GetProperty("model").GetString()!;
        var beta = entry.GetProperty("beta").EnumerateArray()
            .Select(e => double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        var degree = model.StartsWith("polynomial degree ", StringComparison.Ordinal)
            ? int.Parse(model.Split(' ')[2], CultureInfo.InvariantCulture)
            : 0;
        var predictors = Enumerable.Range(1, rows[0].Length - 1).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();
        var expected = entry.GetProperty("n").GetInt32();
        if (rows.Length != expected)
            throw new InvalidDataException($"{name}: read {rows.Length} observations, certified.json says {expected}.");
        return new NistDataset(name, rows.Select(r => r[0]).ToArray(), predictors,
            !model.Contains("no intercept", StringComparison.OrdinalIgnoreCase), degree, beta);
    }

    /// <summary>Feature columns as every solver receives them: x, x², ... (Math.Pow, rounded) for polynomials.</summary>
    public double[][] FeatureColumns() => PolynomialDegree > 0
        ? Enumerable.Range(1, PolynomialDegree).Select(power => Predictors[0].Select(x => Math.Pow(x, power)).ToArray()).ToArray()
        : Predictors;

    /// <summary>The full design in certified order: the column of ones first when the model has an intercept.</summary>
    public double[][] DesignColumns()
    {
        var features = FeatureColumns();
        return HasIntercept ? [Enumerable.Repeat(1.0, Y.Length).ToArray(), .. features] : features;
    }

    public double[,] FeatureMatrix()
    {
        var columns = FeatureColumns();
        var matrix = new double[Y.Length, columns.Length];
        for (var i = 0; i < Y.Length; i++)
        for (var j = 0; j < columns.Length; j++)
            matrix[i, j] = columns[j][i];
        return matrix;
    }

    /// <summary>Smallest log relative error over the coefficients (correct significant digits; absolute when certified is 0), capped at 15.</summary>
    public double MinimumLre(IReadOnlyList<double> estimate)
    {
        if (estimate.Count != CertifiedBeta.Length)
            throw new InvalidOperationException($"{Name}: {estimate.Count} coefficients estimated, {CertifiedBeta.Length} certified.");
        return estimate.Zip(CertifiedBeta, Lre).Min();
    }

    private static double Lre(double estimate, double certified)
    {
        if (!double.IsFinite(estimate)) return 0;
        var error = certified == 0 ? Math.Abs(estimate) : Math.Abs(estimate - certified) / Math.Abs(certified);
        return error == 0 ? 15 : Math.Clamp(-Math.Log10(error), 0, 15);
    }

    private static string ReferenceDataDirectory()
    {
        var configured = typeof(NistDataset).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ReferenceDataDir")?.Value;
        if (string.IsNullOrEmpty(configured) || !Directory.Exists(configured))
            throw new InvalidOperationException(
                $"Reference data directory '{configured}' not found; it is data/reference in the repository (the ReferenceDataDir property of Directory.Build.props).");
        return configured;
    }
}
