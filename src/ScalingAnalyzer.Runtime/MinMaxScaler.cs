using System;
using System.Collections.Generic;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// Min-max scaling per column onto <c>[RangeMin, RangeMax]</c> (default [0, 1]), as scikit-learn's
/// <c>MinMaxScaler</c>. A constant column maps to <see cref="RangeMin"/>. In the shared affine form,
/// <c>Divisor = (DataMax - DataMin) / (RangeMax - RangeMin)</c> and <c>Offset = DataMin - RangeMin * Divisor</c>.
/// Values outside the fitted range are not clipped. Immutable once fitted; safe to share between threads.
/// </summary>
public sealed class MinMaxScaler : IColumnScaler
{
    private readonly AffineColumnMap _map;
    private readonly double[] _dataMin;
    private readonly double[] _dataMax;

    private MinMaxScaler(double[] dataMin, double[] dataMax, double rangeMin, double rangeMax)
    {
        _dataMin = dataMin;
        _dataMax = dataMax;
        RangeMin = rangeMin;
        RangeMax = rangeMax;
        var offset = new double[dataMin.Length];
        var divisor = new double[dataMin.Length];
        for (var c = 0; c < offset.Length; c++)
        {
            var dataRange = dataMax[c] - dataMin[c];
            // scikit-learn's _handle_zeros_in_scale: a zero range counts as 1, so the column lands on RangeMin.
            if (dataRange == 0) dataRange = 1;
            divisor[c] = dataRange / (rangeMax - rangeMin);
            offset[c] = dataMin[c] - rangeMin * divisor[c];
        }
        _map = new AffineColumnMap(offset, divisor);
        DataMin = Array.AsReadOnly(_dataMin);
        DataMax = Array.AsReadOnly(_dataMax);
    }

    /// <summary>Per-column minimum of the data the scaler was fitted on.</summary>
    public IReadOnlyList<double> DataMin { get; }

    /// <summary>Per-column maximum of the data the scaler was fitted on.</summary>
    public IReadOnlyList<double> DataMax { get; }

    /// <summary>Value the column minimum maps to.</summary>
    public double RangeMin { get; }

    /// <summary>Value the column maximum maps to.</summary>
    public double RangeMax { get; }

    /// <inheritdoc />
    public int ColumnCount => _map.ColumnCount;

    /// <inheritdoc />
    public IReadOnlyList<double> Offset => _map.Offset;

    /// <inheritdoc />
    public IReadOnlyList<double> Divisor => _map.Divisor;

    /// <summary>Fits on a 1-D <c>[n]</c> (one column) or 2-D <c>[n, k]</c> float32/float64 tensor on any device, per column along dim 0.</summary>
    /// <exception cref="ArgumentException">Integer dtype, rank other than 1 or 2, empty, NaN/infinity (named by row and column), or a range with <paramref name="rangeMin"/> not below <paramref name="rangeMax"/>.</exception>
    public static MinMaxScaler Fit(torch.Tensor x, double rangeMin = 0, double rangeMax = 1)
    {
        CheckRange(rangeMin, rangeMax);
        var (min, max) = ColumnStatistics.RangeOf(x);
        return new MinMaxScaler(min, max, rangeMin, rangeMax);
    }

    /// <summary>Fits on a row-major <c>[n, k]</c> array, per column.</summary>
    /// <exception cref="ArgumentException">Empty, NaN/infinity (named by row and column), or an empty target range.</exception>
    public static unsafe MinMaxScaler Fit(double[,] x, double rangeMin = 0, double rangeMax = 1)
    {
        CheckRange(rangeMin, rangeMax);
        InputGuard.CheckArray(x, nameof(x));
        fixed (double* data = x) return FromRange(ColumnStatistics.RangeOf(data, x.GetLength(0), x.GetLength(1), false), rangeMin, rangeMax);
    }

    /// <summary>Fits on a row-major <c>[n, k]</c> array, per column.</summary>
    /// <exception cref="ArgumentException">Empty, NaN/infinity (named by row and column), or an empty target range.</exception>
    public static unsafe MinMaxScaler Fit(float[,] x, double rangeMin = 0, double rangeMax = 1)
    {
        CheckRange(rangeMin, rangeMax);
        InputGuard.CheckArray(x, nameof(x));
        fixed (float* data = x) return FromRange(ColumnStatistics.RangeOf(data, x.GetLength(0), x.GetLength(1), false), rangeMin, rangeMax);
    }

    /// <summary>Fits on one column of values.</summary>
    /// <exception cref="ArgumentException">Empty, NaN/infinity (named by row), or an empty target range.</exception>
    public static unsafe MinMaxScaler Fit(double[] x, double rangeMin = 0, double rangeMax = 1)
    {
        CheckRange(rangeMin, rangeMax);
        InputGuard.CheckArray(x, nameof(x));
        fixed (double* data = x) return FromRange(ColumnStatistics.RangeOf(data, x.Length, 1, true), rangeMin, rangeMax);
    }

    /// <summary>Fits on one column of values.</summary>
    /// <exception cref="ArgumentException">Empty, NaN/infinity (named by row), or an empty target range.</exception>
    public static unsafe MinMaxScaler Fit(float[] x, double rangeMin = 0, double rangeMax = 1)
    {
        CheckRange(rangeMin, rangeMax);
        InputGuard.CheckArray(x, nameof(x));
        fixed (float* data = x) return FromRange(ColumnStatistics.RangeOf(data, x.Length, 1, true), rangeMin, rangeMax);
    }

    private static MinMaxScaler FromRange((double[] Min, double[] Max) range, double rangeMin, double rangeMax) =>
        new(range.Min, range.Max, rangeMin, rangeMax);

    private static void CheckRange(double rangeMin, double rangeMax)
    {
        if (!double.IsFinite(rangeMin) || !double.IsFinite(rangeMax) || !(rangeMin < rangeMax))
            throw new ArgumentException(
                $"The target range [{InputGuard.Format(rangeMin)}, {InputGuard.Format(rangeMax)}] is invalid; rangeMin must be finite and below a finite rangeMax.",
                nameof(rangeMin));
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
