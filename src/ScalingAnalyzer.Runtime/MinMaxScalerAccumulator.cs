using System;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// A <see cref="MinMaxScaler"/> fitted one batch at a time (a <c>DataLoader</c>'s batches, a file read in chunks) or per
/// shard and then merged: per column, the minimum and maximum of everything added, which is exactly what
/// <see cref="MinMaxScaler.Fit(torch.Tensor, double, double)"/> finds on all of it at once.
/// </summary>
/// <remarks>
/// Mutable and not thread-safe: one accumulator per thread or worker, then <see cref="Merge"/>. Batches may be 1-D
/// or 2-D, float32 or float64, tensors on any device or arrays, all of one column count and none empty. A bad batch
/// is refused before it changes anything.
/// </remarks>
public sealed class MinMaxScalerAccumulator
{
    private double[]? _min;
    private double[]? _max;

    /// <summary>Number of rows added so far, over all batches and merged accumulators.</summary>
    public long Count { get; private set; }

    /// <summary>Number of columns of the batches seen; 0 before the first.</summary>
    public int ColumnCount => _min?.Length ?? 0;

    /// <summary>Number of batches added so far (merged accumulators included); errors name a batch by its zero-based index.</summary>
    public long BatchCount { get; private set; }

    /// <summary>Adds a 1-D <c>[n]</c> or 2-D <c>[n, k]</c> float32/float64 tensor on any device.</summary>
    /// <exception cref="ArgumentException">Integer dtype, rank other than 1 or 2, empty, another column count than the earlier batches, or NaN/infinity (named by batch, row and column).</exception>
    public void Add(torch.Tensor batch)
    {
        var name = BatchName;
        var (rows, columns) = InputGuard.CheckTensor(batch, name);
        CheckColumns(columns, InputGuard.Shape(batch), name);
        Add(ColumnStatistics.RangeOf(batch, name), rows);
    }

    /// <summary>Adds a row-major <c>[n, k]</c> array.</summary>
    /// <exception cref="ArgumentException">Empty, another column count than the earlier batches, or NaN/infinity (named by batch, row and column).</exception>
    public unsafe void Add(double[,] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (double* data = batch) Add(ColumnStatistics.RangeOf(data, batch.GetLength(0), batch.GetLength(1), false, name), batch.GetLength(0));
    }

    /// <summary>Adds a row-major <c>[n, k]</c> array.</summary>
    /// <exception cref="ArgumentException">Empty, another column count than the earlier batches, or NaN/infinity (named by batch, row and column).</exception>
    public unsafe void Add(float[,] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (float* data = batch) Add(ColumnStatistics.RangeOf(data, batch.GetLength(0), batch.GetLength(1), false, name), batch.GetLength(0));
    }

    /// <summary>Adds one column of values.</summary>
    /// <exception cref="ArgumentException">Empty, earlier batches of more than one column, or NaN/infinity (named by batch and row).</exception>
    public unsafe void Add(double[] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (double* data = batch) Add(ColumnStatistics.RangeOf(data, batch.Length, 1, true, name), batch.Length);
    }

    /// <summary>Adds one column of values.</summary>
    /// <exception cref="ArgumentException">Empty, earlier batches of more than one column, or NaN/infinity (named by batch and row).</exception>
    public unsafe void Add(float[] batch)
    {
        var name = BatchName;
        CheckArray(batch, name);
        fixed (float* data = batch) Add(ColumnStatistics.RangeOf(data, batch.Length, 1, true, name), batch.Length);
    }

    /// <summary>Adds everything <paramref name="other"/> has seen (another shard's accumulator); <paramref name="other"/> is not changed.</summary>
    /// <exception cref="ArgumentException">The two have seen batches of different column counts.</exception>
    public void Merge(MinMaxScalerAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._min is null || other._max is null) return;
        if (_min is not null && other.ColumnCount != ColumnCount)
            throw new ArgumentException(
                $"other has seen batches of {other.ColumnCount} column(s) but this accumulator's batches have {ColumnCount}.", nameof(other));
        var batches = BatchCount + other.BatchCount;
        Add(((double[])other._min.Clone(), (double[])other._max.Clone()), other.Count);
        BatchCount = batches;
    }

    /// <summary>The scaler of everything added, mapping each column's range onto [<paramref name="rangeMin"/>, <paramref name="rangeMax"/>].</summary>
    /// <exception cref="InvalidOperationException">Nothing has been added.</exception>
    /// <exception cref="ArgumentException">An invalid target range.</exception>
    public MinMaxScaler ToScaler(double rangeMin = 0, double rangeMax = 1)
    {
        if (_min is null || _max is null)
            throw new InvalidOperationException("No batch has been added to this accumulator; add at least one row before asking for its scaler.");
        return MinMaxScaler.FromStatistics(_min, _max, rangeMin, rangeMax);
    }

    private string BatchName => $"batch {BatchCount}";

    private void CheckArray(Array? batch, string name)
    {
        InputGuard.CheckArray(batch, name);
        var columns = batch!.Rank == 2 ? batch.GetLength(1) : 1;
        var shape = batch.Rank == 2 ? $"[{batch.GetLength(0)}, {batch.GetLength(1)}]" : $"[{batch.Length}] (a 1-D array is one column)";
        CheckColumns(columns, shape, name);
    }

    private void CheckColumns(int columns, string shape, string name)
    {
        if (_min is not null && columns != ColumnCount)
            throw new ArgumentException($"{name} has {columns} column(s) (shape {shape}) but the earlier batches have {ColumnCount}.", name);
    }

    private void Add((double[] Min, double[] Max) range, long rows)
    {
        if (_min is null || _max is null)
        {
            _min = range.Min;
            _max = range.Max;
        }
        else
        {
            for (var c = 0; c < _min.Length; c++)
            {
                _min[c] = Math.Min(_min[c], range.Min[c]);
                _max[c] = Math.Max(_max[c], range.Max[c]);
            }
        }
        Count += rows;
        BatchCount++;
    }
}
