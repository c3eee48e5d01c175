using System;
using System.Numerics;

namespace ScalingAnalyzer.Runtime;

/// <summary>Slow, exact scans run only after a fast kernel reported that something is wrong.</summary>
internal static unsafe class ArrayScan
{
    // firstRow: the row number of data's first row when data is a slice of a larger input (error messages count from the whole).
    internal static ArgumentException FirstNonFinite<T>(T* data, long rows, int columns, string name, bool oneDimensional, long firstRow = 0)
        where T : unmanaged, INumber<T>
    {
        var length = rows * columns;
        for (long i = 0; i < length; i++)
        {
            var value = double.CreateTruncating(data[i]);
            if (!double.IsFinite(value)) return InputGuard.NonFinite(name, value, firstRow + i / columns, i % columns, oneDimensional);
        }
        return new ArgumentException(
            $"{name} holds values whose sums overflow the float64 range; rescale the data (e.g. divide by a power of ten) first.", name);
    }
}
