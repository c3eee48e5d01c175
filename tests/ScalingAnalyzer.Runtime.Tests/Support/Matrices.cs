using System;
using System.Linq;

namespace ScalingAnalyzer.Runtime.Tests.Support;

internal static class Matrices
{
    public static double[,] Columns(double[,] source, params int[] columns)
    {
        var result = new double[source.GetLength(0), columns.Length];
        for (var i = 0; i < source.GetLength(0); i++)
        for (var j = 0; j < columns.Length; j++)
            result[i, j] = source[i, columns[j]];
        return result;
    }

    public static double[,] Random(Random random, int rows, int columns, Func<int, double> center, Func<int, double> spread)
    {
        var result = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            result[i, j] = center(j) + spread(j) * (2 * random.NextDouble() - 1);
        return result;
    }

    public static float[,] ToFloat(double[,] source)
    {
        var result = new float[source.GetLength(0), source.GetLength(1)];
        for (var i = 0; i < source.GetLength(0); i++)
        for (var j = 0; j < source.GetLength(1); j++)
            result[i, j] = (float)source[i, j];
        return result;
    }

    public static double[] Column(double[,] source, int column) =>
        Enumerable.Range(0, source.GetLength(0)).Select(i => source[i, column]).ToArray();

    /// <summary>Reference statistics computed the slow, obvious way in decimal-free float64 two-pass form.</summary>
    public static (double Mean, double PopulationStd) NaiveTwoPass(double[] values)
    {
        var mean = values.Sum() / values.Length;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return (mean, Math.Sqrt(variance));
    }

    public static void AssertClose(double expected, double actual, double relative, double absolute = 0, string? what = null)
    {
        var tolerance = Math.Max(absolute, relative * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what ?? "value"}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):G3} > {tolerance:G3})");
    }

    public static void AssertClose(double[,] expected, double[,] actual, double relative, double absolute = 0)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
        for (var j = 0; j < expected.GetLength(1); j++)
            AssertClose(expected[i, j], actual[i, j], relative, absolute, $"[{i}, {j}]");
    }
}
