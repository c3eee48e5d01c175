using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScalingAnalyzer.Runtime.Kernels;

/// <summary>
/// Column means and M2 of float32 data whose row length divides 16, so that two AVX vectors always hold
/// the same columns in the same lanes and every accumulator stays in a register for a whole block.
/// The general kernel keeps a pattern of 8 rows' worth of float64 accumulators in memory and spends more
/// time loading and storing them than reading the data; here the data is the only memory traffic.
/// </summary>
/// <remarks>
/// Same statistics as <see cref="ColumnMomentsKernel"/>: per cache-sized block, the deviations from a
/// center summed in float64 (their residual sum corrects mean and M2, so the center's own error cancels),
/// blocks merged by Chan's update in coordinates shifted by the first row. Only a chunk's first center
/// estimate is summed in float32: it merely has to land within the data's spread. A float32 estimate can
/// overflow near float.MaxValue; the caller then falls back to the general kernel.
/// </remarks>
internal static unsafe class NarrowFloatMomentsKernel
{
    /// <summary>Two Vector256&lt;float&gt;: one row of 16 columns, two of 8, ... sixteen of 1.</summary>
    private const int PatternLength = 16;

    /// <summary>32 KB of float32: the second read of a block comes from L1/L2, not RAM.</summary>
    private const int BlockElements = 8192;

    public static bool Supports(int columns) => Avx.IsSupported && PatternLength % columns == 0;

    public static ColumnMoments Compute(float* data, long rows, int columns)
    {
        var moments = ComputeShifted(data, rows, columns, out var shift);
        moments.Unshift(shift);
        return moments;
    }

    /// <summary>Means relative to <paramref name="shift"/> (the first row, exact in float64), M2 as is.</summary>
    public static ColumnMoments ComputeShifted(float* data, long rows, int columns, out double[] shift)
    {
        var blockRows = BlockElements / columns;
        var plan = new ChunkPlan(rows, columns, blockRows);
        var shiftPattern = new float[PatternLength];
        for (var q = 0; q < PatternLength; q++) shiftPattern[q] = data[q % columns];
        var chunkResults = new ColumnMoments[plan.ChunkCount];
        var address = (IntPtr)data;
        plan.Run(chunk =>
        {
            var (firstRow, rowCount) = plan.Chunk(chunk);
            var result = new ColumnMoments(columns);
            var blockMean = new double[columns];
            var blockM2 = new double[columns];
            var center = stackalloc double[PatternLength];
            fixed (float* shift = shiftPattern)
            {
                for (long r = 0; r < rowCount; r += blockRows)
                {
                    var count = Math.Min(blockRows, rowCount - r);
                    Block((float*)address + (firstRow + r) * columns, count, columns, shift, center,
                        estimateCenter: r == 0, blockMean, blockM2);
                    result.Merge(count, blockMean, blockM2);
                }
            }
            chunkResults[chunk] = result;
        });

        var total = new ColumnMoments(columns);
        foreach (var part in chunkResults) total.Merge(part.Count, part.Mean, part.M2);
        shift = new double[columns];
        for (var c = 0; c < columns; c++) shift[c] = shiftPattern[c];
        return total;
    }

    /// <summary>
    /// Mean (relative to the shift) and M2 of one block of at most <see cref="BlockElements"/> values, from
    /// deviations around <paramref name="center"/> (per lane), which is then moved to this block's mean for
    /// the next block. Only a chunk's first block estimates its center first, reading the block twice.
    /// </summary>
    /// <remarks>
    /// Why one read is enough: M2 = Σd² - (Σd)²/n holds for any center, and its rounding error is about
    /// eps·n·(σ² + δ²) with δ the distance from the center to the block mean. With the previous block's mean
    /// as center, n·δ² is at most twice the spread the two neighbouring blocks add to the total M2, so even a
    /// jump in the data between blocks costs only a few eps relative to the result. A center from a whole
    /// separate pass would not be more accurate, and the data would leave RAM twice.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block(float* block, long rows, int columns, float* shift, double* center, bool estimateCenter,
        double[] mean, double[] m2)
    {
        var length = (int)(rows * columns);
        var patterns = length / PatternLength;
        var tail = length - patterns * PatternLength;
        var laneSum = stackalloc double[PatternLength];
        var laneSquares = stackalloc double[PatternLength];
        var perColumn = stackalloc double[columns];

        if (estimateCenter)
        {
            var shift0 = Avx.LoadVector256(shift);
            var shift1 = Avx.LoadVector256(shift + 8);
            var estimate0 = Vector256<float>.Zero;
            var estimate1 = Vector256<float>.Zero;
            for (var p = 0; p < patterns; p++)
            {
                var x = block + p * PatternLength;
                estimate0 = Avx.Add(estimate0, Avx.Subtract(Avx.LoadVector256(x), shift0));
                estimate1 = Avx.Add(estimate1, Avx.Subtract(Avx.LoadVector256(x + 8), shift1));
            }
            StoreWidened(estimate0, laneSum);
            StoreWidened(estimate1, laneSum + 8);
            for (var t = 0; t < tail; t++) laneSum[t] += (double)block[patterns * PatternLength + t] - shift[t];
            FoldLanes(laneSum, columns, perColumn);
            for (var q = 0; q < PatternLength; q++) center[q] = shift[q] + perColumn[q & (columns - 1)] / rows;
        }

        var center0 = Avx.LoadVector256(center);
        var center1 = Avx.LoadVector256(center + 4);
        var center2 = Avx.LoadVector256(center + 8);
        var center3 = Avx.LoadVector256(center + 12);
        Vector256<double> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        Vector256<double> squares0 = default, squares1 = default, squares2 = default, squares3 = default;
        for (var p = 0; p < patterns; p++)
        {
            var x = block + p * PatternLength;
            var first = Avx.LoadVector256(x);
            var second = Avx.LoadVector256(x + 8);
            var d0 = Avx.Subtract(Avx.ConvertToVector256Double(first.GetLower()), center0);
            var d1 = Avx.Subtract(Avx.ConvertToVector256Double(first.GetUpper()), center1);
            var d2 = Avx.Subtract(Avx.ConvertToVector256Double(second.GetLower()), center2);
            var d3 = Avx.Subtract(Avx.ConvertToVector256Double(second.GetUpper()), center3);
            sum0 = Avx.Add(sum0, d0);
            sum1 = Avx.Add(sum1, d1);
            sum2 = Avx.Add(sum2, d2);
            sum3 = Avx.Add(sum3, d3);
            squares0 = AddSquare(squares0, d0);
            squares1 = AddSquare(squares1, d1);
            squares2 = AddSquare(squares2, d2);
            squares3 = AddSquare(squares3, d3);
        }
        Avx.Store(laneSum, sum0);
        Avx.Store(laneSum + 4, sum1);
        Avx.Store(laneSum + 8, sum2);
        Avx.Store(laneSum + 12, sum3);
        Avx.Store(laneSquares, squares0);
        Avx.Store(laneSquares + 4, squares1);
        Avx.Store(laneSquares + 8, squares2);
        Avx.Store(laneSquares + 12, squares3);
        for (var t = 0; t < tail; t++)
        {
            var d = block[patterns * PatternLength + t] - center[t];
            laneSum[t] += d;
            laneSquares[t] += d * d;
        }

        FoldLanes(laneSum, columns, perColumn);
        FoldLanes(laneSquares, columns, m2);
        for (var c = 0; c < columns; c++)
        {
            // The residual sum of deviations is the block mean's distance from the center: correct mean and M2 by it.
            var correction = perColumn[c] / rows;
            mean[c] = (center[c] - shift[c]) + correction;
            m2[c] -= perColumn[c] * correction;
        }
        for (var q = 0; q < PatternLength; q++) center[q] = shift[q] + mean[q & (columns - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AddSquare(Vector256<double> squares, Vector256<double> d) =>
        Fma.IsSupported ? Fma.MultiplyAdd(d, d, squares) : Avx.Add(squares, Avx.Multiply(d, d));

    private static void StoreWidened(Vector256<float> value, double* destination)
    {
        Avx.Store(destination, Avx.ConvertToVector256Double(value.GetLower()));
        Avx.Store(destination + 4, Avx.ConvertToVector256Double(value.GetUpper()));
    }

    /// <summary>Lane q holds column q % columns (columns divides 16, so the mask is the remainder).</summary>
    private static void FoldLanes(double* lanes, int columns, double* perColumn)
    {
        for (var c = 0; c < columns; c++) perColumn[c] = 0;
        for (var q = 0; q < PatternLength; q++) perColumn[q & (columns - 1)] += lanes[q];
    }

    private static void FoldLanes(double* lanes, int columns, double[] perColumn)
    {
        fixed (double* destination = perColumn) FoldLanes(lanes, columns, destination);
    }
}
