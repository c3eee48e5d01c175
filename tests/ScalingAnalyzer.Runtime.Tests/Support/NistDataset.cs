using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ScalingAnalyzer.Runtime.Tests.Support;

/// <summary>
/// One NIST StRD linear-regression dataset: the observations of the .dat file (data from line 61, y first)
/// and the certified values from certified.json, with the design matrix its model describes.
/// </summary>
internal sealed record NistDataset(
    string Name, double[] Y, double[][] Predictors, bool HasIntercept, int PolynomialDegree,
    double[] CertifiedBeta, double CertifiedResidualSd, double CertifiedRSquared)
{
    public static readonly string[] AllNames =
        ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"];

    private const int FirstDataLine = 61;

    public static NistDataset Load(string name)
    {
        var rows = File.ReadLines(ReferenceData.PathOf("nist", name + ".dat"))
            .Skip(FirstDataLine - 1)
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 0)
            .Select(fields => fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        using var certified = JsonDocument.Parse(File.ReadAllText(ReferenceData.PathOf("nist", "certified.json")));
        var entry = certified.RootElement.GetProperty(name);
        var model = entry.GetProperty("model").GetString()!;
        var beta = entry.GetProperty("beta").EnumerateArray().Select(e => Parse(e.GetString()!)).ToArray();
        var hasIntercept = !model.Contains("no intercept", StringComparison.OrdinalIgnoreCase);
        var degree = model.StartsWith("polynomial degree ", StringComparison.Ordinal)
            ? int.Parse(model.Split(' ')[2], CultureInfo.InvariantCulture)
            : 0;
        var predictors = Enumerable.Range(1, rows[0].Length - 1).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();
        var dataset = new NistDataset(name, rows.Select(r => r[0]).ToArray(), predictors, hasIntercept, degree, beta,
            Parse(entry.GetProperty("residual_sd").GetString()!), Parse(entry.GetProperty("r_squared").GetString()!));
        if (dataset.Y.Length != entry.GetProperty("n").GetInt32())
            throw new InvalidDataException($"{name}: read {dataset.Y.Length} observations, certified.json says {entry.GetProperty("n").GetInt32()}.");
        return dataset;
    }

    /// <summary>Feature columns of the certified model (the intercept is the solver's job): x, x², ... for polynomials.</summary>
    public double[,] DesignWithoutIntercept()
    {
        var columns = PolynomialDegree > 0
            ? Enumerable.Range(1, PolynomialDegree).Select(power => Predictors[0].Select(x => Math.Pow(x, power)).ToArray()).ToArray()
            : Predictors;
        var design = new double[Y.Length, columns.Length];
        for (var i = 0; i < Y.Length; i++)
        for (var j = 0; j < columns.Length; j++)
            design[i, j] = columns[j][i];
        return design;
    }

    /// <summary>Estimated coefficients in certified order (B0 first when the model has an intercept).</summary>
    public double[] InCertifiedOrder(Runtime.LeastSquaresResult result) =>
        HasIntercept ? [result.Intercept, .. result.Coefficients] : result.Coefficients.ToArray();

    /// <summary>Log relative error: the number of correct significant digits (absolute when the certified value is 0), capped at 15.</summary>
    public static double Lre(double estimate, double certified)
    {
        var error = certified == 0 ? Math.Abs(estimate) : Math.Abs(estimate - certified) / Math.Abs(certified);
        return error == 0 ? 15 : Math.Min(15, -Math.Log10(error));
    }

    public IReadOnlyList<double> CoefficientLres(Runtime.LeastSquaresResult result) =>
        InCertifiedOrder(result).Zip(CertifiedBeta, Lre).ToArray();

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
