using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScalingAnalyzer.Runtime.Kernels;

/// <summary>
/// Per-column minimum and maximum of float32 data whose row length divides 16, with the running extremes
/// in registers: two AVX vectors hold the same columns in the same lanes on every step, so nothing but the
/// data is loaded or stored. The general kernel keeps a 16-vector pattern in memory and uses the portable
/// <c>Vector.Min</c>, which since .NET 9 orders NaN and signed zeros in software on every call.
/// </summary>
/// <remarks>
/// Plain <c>vminps</c>/<c>vmaxps</c> do not propagate NaN, so NaN is found separately by OR-ing the
/// unordered compare of each vector with itself into a mask, also kept in a register. Infinities need
/// no test: an infinity in a column becomes that column's minimum or maximum.
/// </remarks>
internal static unsafe class NarrowFloatRangeKernel
{
    private const int PatternLength = 16;

    public static bool Supports(int columns) => Avx.IsSupported && PatternLength % columns == 0;

    /// <returns>false when the data holds NaN or infinity.</returns>
    public static bool Compute(float* data, long rows, int columns, double[] min, double[] max)
    {
        var plan = new ChunkPlan(rows, columns, PatternLength / columns);
        var chunkMin = new float[plan.ChunkCount * PatternLength];
        var chunkMax = new float[plan.ChunkCount * PatternLength];
        var sawNaN = 0;
        var address = (IntPtr)data;
        plan.Run(chunk =>
        {
            var (firstRow, rowCount) = plan.Chunk(chunk);
            var source = (float*)address + firstRow * columns;
            fixed (float* low = &chunkMin[chunk * PatternLength])
            fixed (float* high = &chunkMax[chunk * PatternLength])
            {
                if (RangeOfChunk(source, rowCount * columns, low, high)) sawNaN = 1;
            }
        });

        for (var c = 0; c < columns; c++)
        {
            min[c] = double.PositiveInfinity;
            max[c] = double.NegativeInfinity;
        }
        for (var q = 0; q < chunkMin.Length; q++)
        {
            var c = q % PatternLength % columns;
            min[c] = Math.Min(min[c], chunkMin[q]);
            max[c] = Math.Max(max[c], chunkMax[q]);
        }
        if (sawNaN == 1) return false;
        for (var c = 0; c < columns; c++)
            if (!double.IsFinite(min[c]) || !double.IsFinite(max[c])) return false;
        return true;
    }

    /// <returns>true when the chunk holds NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool RangeOfChunk(float* source, long length, float* lowLanes, float* highLanes)
    {
        var patterns = length / PatternLength;
        // Two patterns per step in separate registers: min/max latency, not loads, would bound one chain.
        var low0 = Vector256.Create(float.PositiveInfinity);
        var low1 = low0;
        var low2 = low0;
        var low3 = low0;
        var high0 = Vector256.Create(float.NegativeInfinity);
        var high1 = high0;
        var high2 = high0;
        var high3 = high0;
        var nan = Vector256<float>.Zero;
        long p = 0;
        for (; p + 2 <= patterns; p += 2)
        {
            var x = source + p * PatternLength;
            var a = Avx.LoadVector256(x);
            var b = Avx.LoadVector256(x + 8);
            var c = Avx.LoadVector256(x + 16);
            var d = Avx.LoadVector256(x + 24);
            low0 = Avx.Min(low0, a);
            high0 = Avx.Max(high0, a);
            low1 = Avx.Min(low1, b);
            high1 = Avx.Max(high1, b);
            low2 = Avx.Min(low2, c);
            high2 = Avx.Max(high2, c);
            low3 = Avx.Min(low3, d);
            high3 = Avx.Max(high3, d);
            nan = Avx.Or(nan, Avx.Or(Avx.CompareUnordered(a, b), Avx.CompareUnordered(c, d)));
        }
        if (p < patterns)
        {
            var x = source + p * PatternLength;
            var a = Avx.LoadVector256(x);
            var b = Avx.LoadVector256(x + 8);
            low0 = Avx.Min(low0, a);
            high0 = Avx.Max(high0, a);
            low1 = Avx.Min(low1, b);
            high1 = Avx.Max(high1, b);
            nan = Avx.Or(nan, Avx.CompareUnordered(a, b));
        }
        Avx.Store(lowLanes, Avx.Min(low0, low2));
        Avx.Store(lowLanes + 8, Avx.Min(low1, low3));
        Avx.Store(highLanes, Avx.Max(high0, high2));
        Avx.Store(highLanes + 8, Avx.Max(high1, high3));

        var sawNaN = !Avx.TestZ(nan.AsInt32(), nan.AsInt32());
        for (long t = 0, i = patterns * PatternLength; i < length; t++, i++)
        {
            var value = source[i];
            sawNaN |= float.IsNaN(value);
            if (value < lowLanes[t]) lowLanes[t] = value;
            if (value > highLanes[t]) highLanes[t] = value;
        }
        return sawNaN;
    }
}
