using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
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

    /// <summary>
    /// Fits in one pass over a sequence of batches (a <c>DataLoader</c>'s tensors, chunks of a file), holding one batch
    /// at a time: the same scaler as <see cref="Fit(torch.Tensor)"/> on all of them at once, up to rounding.
    /// Batches are 1-D <c>[n]</c> or 2-D <c>[n, k]</c> float32/float64 tensors on any device, all of one column count.
    /// For shards fitted apart, use a <see cref="StandardScalerAccumulator"/> per shard and merge them.
    /// </summary>
    /// <exception cref="ArgumentException">A bad batch (named by its zero-based index, with row and column for NaN/infinity).</exception>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static StandardScaler FitBatches(IEnumerable<torch.Tensor> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var accumulator = new StandardScalerAccumulator();
        foreach (var batch in batches) accumulator.Add(batch);
        return accumulator.ToScaler();
    }

    /// <summary>Fits in one pass over row-major <c>[n, k]</c> arrays; see <see cref="FitBatches(IEnumerable{torch.Tensor})"/>.</summary>
    public static StandardScaler FitBatches(IEnumerable<double[,]> batches) => FitBatches(batches, (a, b) => a.Add(b));

    /// <summary>Fits in one pass over row-major <c>[n, k]</c> arrays; see <see cref="FitBatches(IEnumerable{torch.Tensor})"/>.</summary>
    public static StandardScaler FitBatches(IEnumerable<float[,]> batches) => FitBatches(batches, (a, b) => a.Add(b));

    /// <summary>Fits one column in one pass over arrays of values; see <see cref="FitBatches(IEnumerable{torch.Tensor})"/>.</summary>
    public static StandardScaler FitBatches(IEnumerable<double[]> batches) => FitBatches(batches, (a, b) => a.Add(b));

    /// <summary>Fits one column in one pass over arrays of values; see <see cref="FitBatches(IEnumerable{torch.Tensor})"/>.</summary>
    public static StandardScaler FitBatches(IEnumerable<float[]> batches) => FitBatches(batches, (a, b) => a.Add(b));

    private static StandardScaler FitBatches<T>(IEnumerable<T> batches, Action<StandardScalerAccumulator, T> add)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var accumulator = new StandardScalerAccumulator();
        foreach (var batch in batches) add(accumulator, batch);
        return accumulator.ToScaler();
    }

    /// <summary>
    /// A scaler from statistics known beforehand (published ones, or computed elsewhere): per column,
    /// <c>(x - mean[j]) / scale[j]</c>. Transforms exactly as a fitted scaler with these statistics.
    /// </summary>
    /// <param name="mean">Per-column value subtracted.</param>
    /// <param name="scale">Per-column positive divisor (the population standard deviation; 1 for a constant column).</param>
    /// <exception cref="ArgumentException">Empty, lengths differ, a value not finite, or a scale not positive (named by index).</exception>
    public static StandardScaler FromStatistics(IReadOnlyList<double> mean, IReadOnlyList<double> scale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        var problem = ScalerStatistics.CheckColumns(nameof(mean), mean, null, "")
            ?? ScalerStatistics.CheckColumns(nameof(scale), scale, mean.Count, nameof(mean))
            ?? ScalerStatistics.CheckPositive(nameof(scale), scale);
        if (problem is not null) throw new ArgumentException(problem, problem.StartsWith("mean", StringComparison.Ordinal) ? nameof(mean) : nameof(scale));
        return Create(ScalerStatistics.Copy(mean), ScalerStatistics.Copy(scale));
    }

    /// <summary>Statistics already checked (by <see cref="FromStatistics"/> or the file reader).</summary>
    internal static StandardScaler Create(double[] mean, double[] scale) => new(mean, scale);

    /// <summary>
    /// Writes the scaler to a file in the <see cref="ScalerFile"/> format (JSON, version 1); <see cref="Load(string, int?)"/>
    /// reads back a scaler with bit-identical statistics. An existing file is replaced.
    /// </summary>
    public void Save(string path) => ScalerFile.WriteFile(path, ScalerFile.StandardKind, ColumnCount, WriteStatistics);

    /// <summary>Writes the scaler to a stream (left open) in the <see cref="ScalerFile"/> format.</summary>
    public void Save(Stream stream) => ScalerFile.Write(stream, ScalerFile.StandardKind, ColumnCount, WriteStatistics);

    private void WriteStatistics(Utf8JsonWriter writer)
    {
        ScalerFile.WriteArray(writer, "mean", Mean);
        ScalerFile.WriteArray(writer, "scale", Scale);
    }

    /// <summary>Reads a standard scaler saved by <see cref="Save(string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columnCount">When given, the number of columns the caller's data has; a scaler fitted on another number is refused.</param>
    /// <exception cref="InvalidDataException">
    /// Not valid JSON (truncated or corrupt), not a scaler file, another format version, a min-max scaler, another column
    /// count than <paramref name="columnCount"/>, or statistics that are missing, not finite or not positive; the message names which.
    /// </exception>
    public static StandardScaler Load(string path, int? columnCount = null) =>
        (StandardScaler)ScalerFile.ReadFile(path, ScalerFile.StandardKind, columnCount);

    /// <summary>Reads a standard scaler from a stream (read to its end, left open); see <see cref="Load(string, int?)"/>.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Load(string, int?)"/>.</exception>
    public static StandardScaler Load(Stream stream, int? columnCount = null) =>
        (StandardScaler)ScalerFile.ReadStream(stream, "The scaler stream", ScalerFile.StandardKind, columnCount);

    internal static StandardScaler FromMoments(ColumnStatistics.Moments moments)
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

    /// <summary>
    /// This standardization as a TorchSharp module whose statistics are registered buffers, to put first in the model:
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
