using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
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

    /// <summary>
    /// Fits in one pass over a sequence of batches (a <c>DataLoader</c>'s tensors, chunks of a file), holding one batch
    /// at a time: exactly the scaler <see cref="Fit(torch.Tensor, double, double)"/> gives on all of them at once.
    /// For shards fitted apart, use a <see cref="MinMaxScalerAccumulator"/> per shard and merge them.
    /// </summary>
    /// <exception cref="ArgumentException">A bad batch (named by its zero-based index, with row and column for NaN/infinity), or an invalid target range.</exception>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static MinMaxScaler FitBatches(IEnumerable<torch.Tensor> batches, double rangeMin = 0, double rangeMax = 1) =>
        FitBatches(batches, (a, b) => a.Add(b), rangeMin, rangeMax);

    /// <summary>Fits in one pass over row-major <c>[n, k]</c> arrays; see <see cref="FitBatches(IEnumerable{torch.Tensor}, double, double)"/>.</summary>
    public static MinMaxScaler FitBatches(IEnumerable<double[,]> batches, double rangeMin = 0, double rangeMax = 1) =>
        FitBatches(batches, (a, b) => a.Add(b), rangeMin, rangeMax);

    /// <summary>Fits in one pass over row-major <c>[n, k]</c> arrays; see <see cref="FitBatches(IEnumerable{torch.Tensor}, double, double)"/>.</summary>
    public static MinMaxScaler FitBatches(IEnumerable<float[,]> batches, double rangeMin = 0, double rangeMax = 1) =>
        FitBatches(batches, (a, b) => a.Add(b), rangeMin, rangeMax);

    /// <summary>Fits one column in one pass over arrays of values; see <see cref="FitBatches(IEnumerable{torch.Tensor}, double, double)"/>.</summary>
    public static MinMaxScaler FitBatches(IEnumerable<double[]> batches, double rangeMin = 0, double rangeMax = 1) =>
        FitBatches(batches, (a, b) => a.Add(b), rangeMin, rangeMax);

    /// <summary>Fits one column in one pass over arrays of values; see <see cref="FitBatches(IEnumerable{torch.Tensor}, double, double)"/>.</summary>
    public static MinMaxScaler FitBatches(IEnumerable<float[]> batches, double rangeMin = 0, double rangeMax = 1) =>
        FitBatches(batches, (a, b) => a.Add(b), rangeMin, rangeMax);

    private static MinMaxScaler FitBatches<T>(IEnumerable<T> batches, Action<MinMaxScalerAccumulator, T> add, double rangeMin, double rangeMax)
    {
        ArgumentNullException.ThrowIfNull(batches);
        CheckRange(rangeMin, rangeMax);
        var accumulator = new MinMaxScalerAccumulator();
        foreach (var batch in batches) add(accumulator, batch);
        return accumulator.ToScaler(rangeMin, rangeMax);
    }

    /// <summary>
    /// A scaler from a data range known beforehand (e.g. sensor limits, 0..255 for pixels): per column, the values
    /// <paramref name="dataMin"/>[j]..<paramref name="dataMax"/>[j] map onto [<paramref name="rangeMin"/>, <paramref name="rangeMax"/>].
    /// Transforms exactly as a scaler fitted on data with this range.
    /// </summary>
    /// <exception cref="ArgumentException">Empty, lengths differ, a value not finite, a minimum above its maximum (named by index), or an invalid target range.</exception>
    public static MinMaxScaler FromStatistics(IReadOnlyList<double> dataMin, IReadOnlyList<double> dataMax, double rangeMin = 0, double rangeMax = 1)
    {
        ArgumentNullException.ThrowIfNull(dataMin);
        ArgumentNullException.ThrowIfNull(dataMax);
        CheckRange(rangeMin, rangeMax);
        var problem = ScalerStatistics.CheckColumns(nameof(dataMin), dataMin, null, "")
            ?? ScalerStatistics.CheckColumns(nameof(dataMax), dataMax, dataMin.Count, nameof(dataMin))
            ?? ScalerStatistics.CheckOrdered(dataMin, dataMax);
        if (problem is not null) throw new ArgumentException(problem, problem.StartsWith("dataMax", StringComparison.Ordinal) ? nameof(dataMax) : nameof(dataMin));
        return Create(ScalerStatistics.Copy(dataMin), ScalerStatistics.Copy(dataMax), rangeMin, rangeMax);
    }

    /// <summary>Statistics already checked (by <see cref="FromStatistics"/> or the file reader).</summary>
    internal static MinMaxScaler Create(double[] dataMin, double[] dataMax, double rangeMin, double rangeMax) =>
        new(dataMin, dataMax, rangeMin, rangeMax);

    /// <summary>
    /// Writes the scaler to a file in the <see cref="ScalerFile"/> format (JSON, version 1): the data range and the target
    /// range, from which <see cref="Load(string, int?)"/> rebuilds a scaler with bit-identical statistics. An existing file is replaced.
    /// </summary>
    public void Save(string path) => ScalerFile.WriteFile(path, ScalerFile.MinMaxKind, ColumnCount, WriteStatistics);

    /// <summary>Writes the scaler to a stream (left open) in the <see cref="ScalerFile"/> format.</summary>
    public void Save(Stream stream) => ScalerFile.Write(stream, ScalerFile.MinMaxKind, ColumnCount, WriteStatistics);

    private void WriteStatistics(Utf8JsonWriter writer)
    {
        writer.WriteNumber("rangeMin", RangeMin);
        writer.WriteNumber("rangeMax", RangeMax);
        ScalerFile.WriteArray(writer, "dataMin", DataMin);
        ScalerFile.WriteArray(writer, "dataMax", DataMax);
    }

    /// <summary>Reads a min-max scaler saved by <see cref="Save(string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columnCount">When given, the number of columns the caller's data has; a scaler fitted on another number is refused.</param>
    /// <exception cref="InvalidDataException">
    /// Not valid JSON (truncated or corrupt), not a scaler file, another format version, a standard scaler, another column
    /// count than <paramref name="columnCount"/>, or a range that is missing, not finite or reversed; the message names which.
    /// </exception>
    public static MinMaxScaler Load(string path, int? columnCount = null) =>
        (MinMaxScaler)ScalerFile.ReadFile(path, ScalerFile.MinMaxKind, columnCount);

    /// <summary>Reads a min-max scaler from a stream (read to its end, left open); see <see cref="Load(string, int?)"/>.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Load(string, int?)"/>.</exception>
    public static MinMaxScaler Load(Stream stream, int? columnCount = null) =>
        (MinMaxScaler)ScalerFile.ReadStream(stream, "The scaler stream", ScalerFile.MinMaxKind, columnCount);

    private static MinMaxScaler FromRange((double[] Min, double[] Max) range, double rangeMin, double rangeMax) =>
        new(range.Min, range.Max, rangeMin, rangeMax);

    private static void CheckRange(double rangeMin, double rangeMax)
    {
        if (ScalerStatistics.CheckRange(rangeMin, rangeMax) is { } problem) throw new ArgumentException(problem, nameof(rangeMin));
    }

    /// <summary>
    /// This min-max scaling as a TorchSharp module whose statistics are registered buffers, to put first in the model:
    /// <c>nn.Sequential(scaler.AsModule(), model)</c> is saved and loaded with the model and scales its input wherever
    /// it runs. A program that loads the saved model builds <c>new ColumnScaling(columnCount)</c> in its place.
    /// </summary>
    public ColumnScaling AsModule() => new(this, inverse: false);

    /// <summary>
    /// The inverse map as a TorchSharp module, to put last in a model trained on a target scaled by this scaler:
    /// <c>nn.Sequential(featureScaler.AsModule(), model, targetScaler.AsInverseModule())</c> predicts in original units.
    /// A program that loads the saved model builds <c>new ColumnScaling(columnCount, inverse: true)</c> in its place.
    /// </summary>
    public ColumnScaling AsInverseModule() => new(this, inverse: true);

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
