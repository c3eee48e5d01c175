using System;
using System.Runtime.CompilerServices;
using System.Numerics;

namespace ScalingAnalyzer.Runtime.Kernels;

/// <summary>Per-column minimum and maximum in one read of a row-major buffer.</summary>
internal static unsafe class ColumnRangeKernel
{
    /// <returns>false when the data holds NaN or infinity (min/max are then meaningless).</returns>
    public static bool Compute<T>(T* data, long rows, int columns, double[] min, double[] max)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float) && NarrowFloatRangeKernel.Supports(columns))
            return NarrowFloatRangeKernel.Compute((float*)data, rows, columns, min, max);
        var width = Vector<T>.Count;
        var usePattern = (long)columns * width <= 4096;
        var patternLength = usePattern ? columns * width : columns;
        var plan = new ChunkPlan(rows, columns, usePattern ? width : 1);
        var chunkMin = new T[plan.ChunkCount][];
        var chunkMax = new T[plan.ChunkCount][];
        var allFinite = 1;
        var address = (IntPtr)data;
        plan.Run(chunk =>
        {
            var (firstRow, rowCount) = plan.Chunk(chunk);
            var low = new T[patternLength];
            var high = new T[patternLength];
            var source = (T*)address + firstRow * columns;
            var length = rowCount * columns;
            for (var q = 0; q < patternLength && q < length; q++) low[q] = high[q] = source[q];
            if (!RangeOfChunk(source, length, low, high, (int)Math.Min(patternLength, length))) allFinite = 0;
            chunkMin[chunk] = low;
            chunkMax[chunk] = high;
        });

        for (var c = 0; c < columns; c++)
        {
            min[c] = double.PositiveInfinity;
            max[c] = double.NegativeInfinity;
        }
        for (var chunk = 0; chunk < plan.ChunkCount; chunk++)
        {
            var length = plan.Chunk(chunk).RowCount * columns;
            for (var q = 0; q < patternLength && q < length; q++)
            {
                var c = q % columns;
                min[c] = Math.Min(min[c], double.CreateTruncating(chunkMin[chunk][q]));
                max[c] = Math.Max(max[c], double.CreateTruncating(chunkMax[chunk][q]));
            }
        }
        return allFinite == 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool RangeOfChunk<T>(T* source, long length, T[] lowPattern, T[] highPattern, int seeded)
        where T : unmanaged, INumber<T>
    {
        var width = Vector<T>.Count;
        var patternLength = lowPattern.Length;
        var finiteMask = Vector<T>.AllBitsSet;
        var scalarFinite = true;
        // Lanes already seeded with the first pattern still need their finiteness checked.
        for (var q = 0; q < seeded; q++) scalarFinite &= source[q] - source[q] == T.Zero;
        long i = patternLength;
        fixed (T* low = lowPattern)
        fixed (T* high = highPattern)
        {
            for (; i + patternLength <= length; i += patternLength)
            {
                var q = 0;
                for (; q + width <= patternLength; q += width)
                {
                    var value = Vector.Load(source + i + q);
                    finiteMask &= Vector.Equals(value - value, Vector<T>.Zero);
                    Vector.Min(Vector.Load(low + q), value).Store(low + q);
                    Vector.Max(Vector.Load(high + q), value).Store(high + q);
                }
                for (; q < patternLength; q++) scalarFinite &= Update(source[i + q], low, high, q);
            }
            for (var q = 0; i < length; i++, q++) scalarFinite &= Update(source[i], low, high, q);
        }
        return scalarFinite && AllLanesSet(finiteMask);
    }

    private static bool Update<T>(T value, T* low, T* high, int q)
        where T : unmanaged, INumber<T>
    {
        if (value < low[q]) low[q] = value;
        if (value > high[q]) high[q] = value;
        return value - value == T.Zero;
    }

    /// <summary>Bitwise test: comparing float lanes with == would call NaN-patterned all-ones lanes unequal.</summary>
    private static bool AllLanesSet<T>(Vector<T> mask) where T : unmanaged, INumber<T> =>
        Vector.AsVectorByte(mask) == Vector<byte>.AllBitsSet;
}
