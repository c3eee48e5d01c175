using System;
using System.Collections.Generic;
using System.Globalization;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// The checks a scaler's statistics pass whether they come from the caller (<c>FromStatistics</c>) or from a file
/// (<c>Load</c>): each returns what is wrong, in words naming the value, or null; the caller picks the exception
/// (ArgumentException for arguments, InvalidDataException for a file).
/// </summary>
internal static class ScalerStatistics
{
    public static string? CheckColumns(string name, IReadOnlyList<double>? values, int? expectedCount, string otherName)
    {
        if (values is null) return $"{name} is missing.";
        if (values.Count == 0) return $"{name} is empty; a scaler needs at least one column.";
        if (expectedCount is { } count && values.Count != count)
            return $"{name} has {values.Count} value(s) but {otherName} has {count}.";
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
                return $"{name}[{i}] is {Describe(values[i])}; the statistics of a scaler must be finite.";
        }
        return null;
    }

    public static string? CheckPositive(string name, IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!(values[i] > 0))
                return $"{name}[{i}] is {Format(values[i])}; every scale must be positive (a constant column takes 1, as Fit gives it).";
        }
        return null;
    }

    public static string? CheckOrdered(IReadOnlyList<double> dataMin, IReadOnlyList<double> dataMax)
    {
        for (var i = 0; i < dataMin.Count; i++)
        {
            if (!(dataMin[i] <= dataMax[i]))
                return $"dataMin[{i}] is {Format(dataMin[i])}, above dataMax[{i}] = {Format(dataMax[i])}.";
        }
        return null;
    }

    public static string? CheckRange(double rangeMin, double rangeMax) =>
        double.IsFinite(rangeMin) && double.IsFinite(rangeMax) && rangeMin < rangeMax
            ? null
            : $"The target range [{InputGuard.Format(rangeMin)}, {InputGuard.Format(rangeMax)}] is invalid; rangeMin must be finite and below a finite rangeMax.";

    public static double[] Copy(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = values[i];
        return copy;
    }

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "positive infinity" : "negative infinity";

    /// <summary>The exact value ("R"): an error about a statistic should show the number that was given.</summary>
    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
