using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// Standardization per column: <c>(x - Mean[j]) / Scale[j]</c>, with the population standard deviation
/// (ddof 0) as scikit-learn's <c>StandardScaler</c>. Statistics are accumulated in float64 by a stable
/// two-pass method whatever the input dtype, so a column of 1e9 plus small noise keeps its true spread.
/// A column whose variance is at rounding level of its mean is treated as constant and gets scale 1
/// (scikit-learn's rule), so it maps to 0 instead of being divided by zero.
/// Immutable once fitted; safe to share between threads.
/// </summary>
public sealed class StandardScaler : IColumnScaler
{
    private readonly AffineColumnMap _map;

    private StandardScaler(double[] mean, double[] scale)
    {
        _map = new AffineColumnMap(mean, scale);
    }

    /// <summary>Per-column mean of the data the scaler was fitted on.</summary>
    public IReadOnlyList<double> Mean => _map.Offset;

    /// <summary>Per-column population standard deviation; 1 for a constant column.</summary>
    public IReadOnlyList<double> Scale => _map.Divisor;

    /// <inheritdoc />
    public int ColumnCount => _map.ColumnCount;

    /// <inheritdoc />
    public IReadOnlyList<double> Offset => _map.Offset;

    /// <inheritdoc />
    public IReadOnlyList<double> Divisor => _map.Divisor;

    /// <summary>Fits on a 1-D <c>[n]</c> (one column) or 2-D <c>[n, k]</c> float32/float64 tensor on any device, per column along dim 0.</summary>
    /// <exception cref="ArgumentException">Integer dtype, rank other than 1 or 2, empty, or NaN/infinity (named by row and column).</exception>
    public static StandardScaler Fit(torch.Tensor x) => FromMoments(ColumnStatistics.MomentsOf(x));

    /// <summary>Fits on a row-major <c>[n, k]</c> array, per column.</summary>
    /// <exception cref="ArgumentException">Empty, or NaN/infinity (named by row and column).</exception>
    public static unsafe StandardScaler Fit(double[,] x)
    {
        InputGuard.CheckArray(x, nameof(x));
        fixed (double* data = x) return FromMoments(ColumnStatistics.MomentsOf(data, x.GetLength(0), x.GetLength(1), false));
    }

    /// <summary>Fits on a row-major <c>[n, k]</c> array, per column (statistics in float64).</summary>
    /// <exception cref="ArgumentException">Empty, or NaN/infinity (named by row and column).</exception>
    public static unsafe StandardScaler Fit(float[,] x)
    {
        InputGuard.CheckArray(x, nameof(x));
        fixed (float* data = x) return FromMoments(ColumnStatistics.MomentsOf(data, x.GetLength(0), x.GetLength(1), false));
    }

    /// <summary>Fits on one column of values.</summary>
    /// <exception cref="ArgumentException">Empty, or NaN/infinity (named by row).</exception>
    public static unsafe StandardScaler Fit(double[] x)
    {
        InputGuard.CheckArray(x, nameof(x));
        fixed (double* data = x) return FromMoments(ColumnStatistics.MomentsOf(data, x.Length, 1, true));
    }

    /// <summary>Fits on one column of values (statistics in float64).</summary>
    /// <exception cref="ArgumentException">Empty, or NaN/infinity (named by row).</exception>
    public static unsafe StandardScaler Fit(float[] x)
    {
        InputGuard.CheckArray(x, nameof(x));
        fixed (float* data = x) return FromMoments(ColumnStatistics.MomentsOf(data, x.Length, 1, true));
    }

    private static StandardScaler FromMoments(ColumnStatistics.Moments moments)
    {
        var scale = new double[moments.Mean.Length];
        for (var c = 0; c < scale.Length; c++)
            scale[c] = IsConstant(moments.Variance[c], moments.Mean[c], moments.Count) ? 1.0 : Math.Sqrt(moments.Variance[c]);
        return new StandardScaler(moments.Mean, scale);
    }

    /// <summary>
    /// scikit-learn's <c>_is_constant_feature</c>: a variance no larger than the rounding error of computing it
    /// (n·eps·var + (n·|mean|·eps)²) is noise, not spread.
    /// </summary>
    private static bool IsConstant(double variance, double mean, long count)
    {
        const double eps = 2.220446049250313e-16; // numpy finfo(float64).eps = 2^-52
        var upperBound = count * eps * variance + Math.Pow(count * Math.Abs(mean) * eps, 2);
        return variance <= upperBound;
    }

    /// <inheritdoc />
    public torch.Tensor Transform(torch.Tensor x) => _map.Apply(x, inverse: false);

    /// <inheritdoc />
    public torch.Tensor InverseTransform(torch.Tensor x) => _map.Apply(x, inverse: true);

    /// <inheritdoc />
    public double[,] Transform(double[,] x) => _map.Apply(x, inverse: false);

    /// <inheritdoc />
    public double[,] InverseTransform(double[,] x) => _map.Apply(x, inverse: true);

    /// <inheritdoc />
    public float[,] Transform(float[,] x) => _map.Apply(x, inverse: false);

    /// <inheritdoc />
    public float[,] InverseTransform(float[,] x) => _map.Apply(x, inverse: true);

    /// <inheritdoc />
    public double[] Transform(double[] x) => _map.Apply(x, inverse: false);

    /// <inheritdoc />
    public double[] InverseTransform(double[] x) => _map.Apply(x, inverse: true);

    /// <inheritdoc />
    public float[] Transform(float[] x) => _map.Apply(x, inverse: false);

    /// <inheritdoc />
    public float[] InverseTransform(float[] x) => _map.Apply(x, inverse: true);
}
