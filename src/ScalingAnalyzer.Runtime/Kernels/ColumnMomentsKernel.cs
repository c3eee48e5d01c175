using System;
using System.Runtime.CompilerServices;
using System.Numerics;

namespace ScalingAnalyzer.Runtime.Kernels;

/// <summary>Per-column count, mean and sum of squared deviations (M2) accumulated in float64.</summary>
internal sealed class ColumnMoments
{
    public ColumnMoments(int columns)
    {
        Mean = new double[columns];
        M2 = new double[columns];
    }

    public long Count { get; private set; }
    public double[] Mean { get; }
    public double[] M2 { get; }

    /// <summary>Chan et al.'s pairwise update: merging two exact summaries loses nothing to cancellation.</summary>
    public void Merge(long count, double[] mean, double[] m2)
    {
        if (count == 0) return;
        if (Count == 0)
        {
            Count = count;
            Array.Copy(mean, Mean, Mean.Length);
            Array.Copy(m2, M2, M2.Length);
            return;
        }
        var total = (double)(Count + count);
        var weight = count / total;
        var crossWeight = (double)Count * count / total;
        for (var c = 0; c < Mean.Length; c++)
        {
            var delta = mean[c] - Mean[c];
            Mean[c] += delta * weight;
            M2[c] += m2[c] + delta * delta * crossWeight;
        }
        Count += count;
    }

    public bool IsFinite()
    {
        for (var c = 0; c < Mean.Length; c++)
            if (!double.IsFinite(Mean[c]) || !double.IsFinite(M2[c])) return false;
        return true;
    }

    /// <summary>Adds back the shift the statistics were computed under (M2 does not depend on it).</summary>
    public void Unshift(double[] shift)
    {
        for (var c = 0; c < Mean.Length; c++) Mean[c] += shift[c];
    }
}

/// <summary>
/// Column means and M2 in one sweep over memory: each cache-sized block of rows is read twice (sum, then
/// squared deviations from the block mean, with the residual sum correcting the mean), so the data leaves
/// RAM once while the statistics are those of the stable two-pass method. Blocks merge by Chan's update.
/// Everything is computed on data shifted by the column's first value: for 1e9 plus small noise the shifted
/// values are exact and small, so block means carry no 1e9-sized rounding into the merge.
/// </summary>
internal static unsafe class ColumnMomentsKernel
{
    private const int BlockElements = 8192;

    public static ColumnMoments Compute<T>(T* data, long rows, int columns)
        where T : unmanaged, INumber<T>
    {
        var moments = ComputeShifted(data, rows, columns, out var shift);
        moments.Unshift(shift);
        return moments;
    }

    /// <summary>
    /// The statistics before the shift is added back: means relative to <paramref name="shift"/> (the first row), M2 as is.
    /// A fit over batches keeps them in these coordinates, moved to one common shift, so merging batches of 1e9 plus
    /// small noise adds no 1e9-sized rounding either.
    /// </summary>
    public static ColumnMoments ComputeShifted<T>(T* data, long rows, int columns, out double[] shift)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float) && NarrowFloatMomentsKernel.Supports(columns))
        {
            var narrow = NarrowFloatMomentsKernel.ComputeShifted((float*)data, rows, columns, out shift);
            // Non-finite: NaN/infinity in the data, or a float32 center estimate that overflowed near
            // float.MaxValue. The general kernel below, all float64, tells the two apart for the caller.
            if (narrow.IsFinite()) return narrow;
        }
        var width = Vector<T>.Count;
        var patternLength = columns * width;
        var usePattern = patternLength <= BlockElements;
        var blockRows = usePattern ? Math.Max(1, BlockElements / patternLength) * width : 1;
        var plan = new ChunkPlan(rows, columns, blockRows);
        var chunkResults = new ColumnMoments[plan.ChunkCount];
        var address = (IntPtr)data;
        var firstValues = new double[columns];
        for (var c = 0; c < columns; c++) firstValues[c] = double.CreateTruncating(data[c]);
        shift = firstValues;
        plan.Run(chunk =>
        {
            var (firstRow, rowCount) = plan.Chunk(chunk);
            var result = new ColumnMoments(columns);
            var scratch = new BlockScratch(firstValues, usePattern ? patternLength : columns);
            for (long r = 0; r < rowCount; r += blockRows)
            {
                var count = Math.Min(blockRows, rowCount - r);
                var block = (T*)address + (firstRow + r) * columns;
                if (usePattern && count == blockRows) PatternBlock(block, count, columns, scratch);
                else ScalarBlock(block, count, columns, scratch);
                result.Merge(count, scratch.Mean, scratch.M2);
            }
            chunkResults[chunk] = result;
        });

        var total = new ColumnMoments(columns);
        foreach (var part in chunkResults) total.Merge(part.Count, part.Mean, part.M2);
        return total;
    }

    private sealed class BlockScratch
    {
        public BlockScratch(double[] shift, int patternLength)
        {
            var columns = shift.Length;
            Shift = shift;
            ShiftPattern = new double[patternLength];
            for (var q = 0; q < patternLength; q++) ShiftPattern[q] = shift[q % columns];
            Mean = new double[columns];
            M2 = new double[columns];
            Sum = new double[patternLength];
            SumOfSquares = new double[patternLength];
            MeanPattern = new double[patternLength];
        }

        public double[] Mean { get; }
        public double[] M2 { get; }
        public double[] Sum { get; }
        public double[] SumOfSquares { get; }
        public double[] MeanPattern { get; }
        public double[] Shift { get; }
        public double[] ShiftPattern { get; }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PatternBlock<T>(T* block, long rows, int columns, BlockScratch s)
        where T : unmanaged, INumber<T>
    {
        var patternLength = s.Sum.Length;
        var length = rows * columns;
        Array.Clear(s.Sum);
        fixed (double* sum = s.Sum)
        fixed (double* shift = s.ShiftPattern)
        {
            for (long i = 0; i < length; i += patternLength)
                AccumulateShifted(block + i, patternLength, shift, sum);
        }
        Fold(s.Sum, columns, s.Mean);
        for (var c = 0; c < columns; c++) s.Mean[c] /= rows;
        for (var q = 0; q < patternLength; q++) s.MeanPattern[q] = s.Mean[q % columns];

        Array.Clear(s.Sum);
        Array.Clear(s.SumOfSquares);
        fixed (double* deviation = s.Sum)
        fixed (double* squares = s.SumOfSquares)
        fixed (double* mean = s.MeanPattern)
        fixed (double* shift = s.ShiftPattern)
        {
            for (long i = 0; i < length; i += patternLength)
                AccumulateDeviations(block + i, patternLength, shift, mean, deviation, squares);
        }
        var deviationSums = new double[columns];
        Fold(s.Sum, columns, deviationSums);
        Fold(s.SumOfSquares, columns, s.M2);
        for (var c = 0; c < columns; c++)
        {
            // The residual sum of deviations is the rounding error of the block mean: correct both by it.
            var correction = deviationSums[c] / rows;
            s.Mean[c] += correction;
            s.M2[c] -= deviationSums[c] * correction;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateShifted<T>(T* source, int patternLength, double* shift, double* sum)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            var width = Vector<float>.Count;
            var half = Vector<double>.Count;
            for (var q = 0; q < patternLength; q += width)
            {
                Vector.Widen(Vector.Load((float*)source + q), out var low, out var high);
                (Vector.Load(sum + q) + (low - Vector.Load(shift + q))).Store(sum + q);
                (Vector.Load(sum + q + half) + (high - Vector.Load(shift + q + half))).Store(sum + q + half);
            }
        }
        else
        {
            var width = Vector<double>.Count;
            for (var q = 0; q < patternLength; q += width)
                (Vector.Load(sum + q) + (Vector.Load((double*)source + q) - Vector.Load(shift + q))).Store(sum + q);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateDeviations<T>(T* source, int patternLength, double* shift, double* mean, double* deviation, double* squares)
        where T : unmanaged, INumber<T>
    {
        var half = Vector<double>.Count;
        if (typeof(T) == typeof(float))
        {
            var width = Vector<float>.Count;
            for (var q = 0; q < patternLength; q += width)
            {
                Vector.Widen(Vector.Load((float*)source + q), out var low, out var high);
                var d0 = (low - Vector.Load(shift + q)) - Vector.Load(mean + q);
                var d1 = (high - Vector.Load(shift + q + half)) - Vector.Load(mean + q + half);
                (Vector.Load(deviation + q) + d0).Store(deviation + q);
                (Vector.Load(deviation + q + half) + d1).Store(deviation + q + half);
                (Vector.Load(squares + q) + d0 * d0).Store(squares + q);
                (Vector.Load(squares + q + half) + d1 * d1).Store(squares + q + half);
            }
        }
        else
        {
            for (var q = 0; q < patternLength; q += half)
            {
                var d = (Vector.Load((double*)source + q) - Vector.Load(shift + q)) - Vector.Load(mean + q);
                (Vector.Load(deviation + q) + d).Store(deviation + q);
                (Vector.Load(squares + q) + d * d).Store(squares + q);
            }
        }
    }

    private static void Fold(double[] pattern, int columns, double[] perColumn)
    {
        Array.Clear(perColumn);
        for (var q = 0; q < pattern.Length; q++) perColumn[q % columns] += pattern[q];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarBlock<T>(T* block, long rows, int columns, BlockScratch s)
        where T : unmanaged, INumber<T>
    {
        Array.Clear(s.Mean);
        Array.Clear(s.M2);
        var deviationSums = new double[columns];
        for (long r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
            s.Mean[c] += double.CreateTruncating(block[r * columns + c]) - s.Shift[c];
        for (var c = 0; c < columns; c++) s.Mean[c] /= rows;
        for (long r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            var d = (double.CreateTruncating(block[r * columns + c]) - s.Shift[c]) - s.Mean[c];
            deviationSums[c] += d;
            s.M2[c] += d * d;
        }
        for (var c = 0; c < columns; c++)
        {
            var correction = deviationSums[c] / rows;
            s.Mean[c] += correction;
            s.M2[c] -= deviationSums[c] * correction;
        }
    }
}
