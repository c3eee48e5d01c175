using System;
using System.Collections.Generic;
using ScalingAnalyzer.Runtime.Kernels;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// A <see cref="StandardScaler"/> fitted one batch at a time, for data that does not fit in memory (a
/// <c>DataLoader</c>'s batches, a file read in chunks) or that is sharded across workers (one accumulator per shard,
/// then <see cref="Merge"/>). Each batch's count, mean and sum of squared deviations (M2) are computed as
/// <see cref="StandardScaler.Fit(torch.Tensor)"/> computes them, and combined by Chan et al.'s pairwise update
/// (<c>M2 = M2a + M2b + δ²·na·nb/n</c>), which loses nothing to cancellation; means are kept relative to the first
/// value seen, so 1e9 plus small noise keeps its spread across batches too. The scaler it gives equals the one-shot fit
/// of the concatenated batches up to rounding (the tests hold it to 1e-12 relative; the batches' block boundaries
/// differ from the one-shot fit's, so the last digits may too), and a constant column gets scale 1 by the same rule.
/// </summary>
/// <remarks>
/// Mutable and not thread-safe: give each thread or worker its own accumulator and merge them. Batches may be 1-D
/// <c>[n]</c> (one column) or 2-D <c>[n, k]</c>, float32 or float64, tensors on any device or arrays, mixed freely, but
/// every batch must have the same number of columns and at least one row. A bad batch is refused before it changes
/// anything, so the accumulator can go on with the next one.
/// </remarks>
public sealed class StandardScalerAccumulator
{
    private ColumnMoments? _moments;
    private double[]? _shift;

    /// <summary>Number of rows added so far, over all batches and merged accumulators.</summary>
    public long Count => _moments?.Count ?? 0;

    /// <summary>Number of columns of the batches seen; 0 before the first.</summary>
    public int ColumnCount => _shift?.Length ?? 0;

    /// <summary>Number of batches added so far (merged accumulators included); errors name a batch by its zero-based index.</summary>
    public long BatchCount { get; private set; }

    /// <summary>Adds a 1-D <c>[n]</c> or 2-D <c>[n, k]</c> float32/float64 tensor on any device.</summary>
    /// <exception cref="ArgumentException">Integer dtype, rank other than 1 or 2, empty, another column count than the earlier batches, or NaN/infinity (named by batch, row and column).</exception>
    public void Add(torch.Tensor batch)
    {
        var name = BatchName;
        var (_, columns) = InputGuard.CheckTensor(batch, name);
        if (_shift is not null) CheckColumns(columns, InputGuard.Shape(batch), name);
        Add(ColumnStatistics.ShiftedMomentsOf(batch, name));
    }

    /// <summary>Adds a row-major <c>[n, k]</c> array.</summary>
    /// <exception cref="ArgumentException">Empty, another column count than the earlier batches, or NaN/infinity (named by batch, row and column).</exception>
    public unsafe void Add(double[,] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (double* data = batch) Add(ColumnStatistics.ShiftedMomentsOf(data, batch.GetLength(0), batch.GetLength(1), false, name));
    }

    /// <summary>Adds a row-major <c>[n, k]</c> array (statistics in float64).</summary>
    /// <exception cref="ArgumentException">Empty, another column count than the earlier batches, or NaN/infinity (named by batch, row and column).</exception>
    public unsafe void Add(float[,] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (float* data = batch) Add(ColumnStatistics.ShiftedMomentsOf(data, batch.GetLength(0), batch.GetLength(1), false, name));
    }

    /// <summary>Adds one column of values.</summary>
    /// <exception cref="ArgumentException">Empty, earlier batches of more than one column, or NaN/infinity (named by batch and row).</exception>
    public unsafe void Add(double[] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (double* data = batch) Add(ColumnStatistics.ShiftedMomentsOf(data, batch.Length, 1, true, name));
    }

    /// <summary>Adds one column of values (statistics in float64).</summary>
    /// <exception cref="ArgumentException">Empty, earlier batches of more than one column, or NaN/infinity (named by batch and row).</exception>
    public unsafe void Add(float[] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (float* data = batch) Add(ColumnStatistics.ShiftedMomentsOf(data, batch.Length, 1, true, name));
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> has seen (another shard's accumulator): afterwards this accumulator is
    /// as if it had been given the other's batches too. <paramref name="other"/> is not changed.
    /// </summary>
    /// <exception cref="ArgumentException">The two have seen batches of different column counts.</exception>
    public void Merge(StandardScalerAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._moments is null) return;
        if (_shift is not null && other.ColumnCount != ColumnCount)
            throw new ArgumentException(
                $"other has seen batches of {other.ColumnCount} column(s) but this accumulator's batches have {ColumnCount}.", nameof(other));
        var batches = BatchCount + other.BatchCount;
        Add(new ColumnStatistics.ShiftedMoments(other._shift!, other._moments.Mean, other._moments.M2, other._moments.Count));
        BatchCount = batches;
    }

    /// <summary>The scaler of everything added: per-column mean and population standard deviation (1 for a constant column).</summary>
    /// <exception cref="InvalidOperationException">Nothing has been added.</exception>
    /// <exception cref="ArgumentException">The data's sums overflow the float64 range.</exception>
    public StandardScaler ToScaler()
    {
        if (_moments is null || _shift is null)
            throw new InvalidOperationException("No batch has been added to this accumulator; add at least one row before asking for its scaler.");
        var mean = new double[ColumnCount];
        var variance = new double[ColumnCount];
        for (var c = 0; c < mean.Length; c++)
        {
            mean[c] = _moments.Mean[c] + _shift[c];
            if (!double.IsFinite(mean[c]) || !double.IsFinite(_moments.M2[c]))
                throw new ArgumentException(
                    $"Column {c} of the batches has values whose sums overflow the float64 range; rescale it (e.g. divide by a power of ten) first.");
            variance[c] = Math.Max(0, _moments.M2[c]) / _moments.Count;
        }
        return StandardScaler.FromMoments(new ColumnStatistics.Moments(mean, variance, _moments.Count));
    }

    private string BatchName => $"batch {BatchCount}";

    private void CheckArray(Array? batch, string name)
    {
        InputGuard.CheckArray(batch, name);
        if (_shift is null) return;
        var columns = batch!.Rank == 2 ? batch.GetLength(1) : 1;
        var shape = batch.Rank == 2 ? $"[{batch.GetLength(0)}, {batch.GetLength(1)}]" : $"[{batch.Length}] (a 1-D array is one column)";
        CheckColumns(columns, shape, name);
    }

    private void CheckColumns(int columns, string shape, string name)
    {
        if (columns != ColumnCount)
            throw new ArgumentException($"{name} has {columns} column(s) (shape {shape}) but the earlier batches have {ColumnCount}.", name);
    }

    /// <summary>Chan's update, with the batch's means moved to this accumulator's shift first (exact when the two are close).</summary>
    private void Add(ColumnStatistics.ShiftedMoments batch)
    {
        if (_moments is null || _shift is null)
        {
            _shift = (double[])batch.Shift.Clone();
            _moments = new ColumnMoments(_shift.Length);
            _moments.Merge(batch.Count, batch.Mean, batch.M2);
        }
        else
        {
            var mean = new double[ColumnCount];
            for (var c = 0; c < mean.Length; c++) mean[c] = batch.Mean[c] + (batch.Shift[c] - _shift[c]);
            _moments.Merge(batch.Count, mean, batch.M2);
        }
        BatchCount++;
    }
}
