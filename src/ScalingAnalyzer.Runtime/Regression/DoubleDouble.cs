using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Error-free transformations (Knuth's TwoSum, FMA-based TwoProduct) for residuals accumulated in about
/// 106 bits: exactly what iterative refinement needs to see the rounding error of a float64 solution.
/// </summary>
internal static class DoubleDouble
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double high, ref double low, double value)
    {
        var sum = high + value;
        var virtualValue = sum - high;
        var error = (high - (sum - virtualValue)) + (value - virtualValue);
        high = sum;
        low += error;
    }

    /// <summary>Knuth's TwoSum: a + b rounded, and in <paramref name="error"/> exactly what the rounding lost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoSum(double a, double b, out double error)
    {
        var sum = a + b;
        var virtualB = sum - a;
        error = (a - (sum - virtualB)) + (b - virtualB);
        return sum;
    }

    /// <summary>(high, low) += a · b, the product's rounding error kept exactly through the FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct(ref double high, ref double low, double a, double b)
    {
        var product = a * b;
        var productError = Math.FusedMultiplyAdd(a, b, -product);
        Add(ref high, ref low, product);
        low += productError;
    }

    /// <summary>
    /// (high[i], low[i]) += a[i] · b for every i: <see cref="AddProduct"/> four rows at a time where the CPU has AVX and
    /// FMA, with the same operations in the same order, so each row's result is bit for bit the scalar one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddProducts(Span<double> high, Span<double> low, ReadOnlySpan<double> a, double b)
    {
        var n = high.Length;
        if (low.Length < n || a.Length < n)
            throw new ArgumentException("high, low and a must have the same length.");
        var i = 0;
        if (Fma.IsSupported && n >= Vector256<double>.Count)
        {
            ref var h = ref MemoryMarshal.GetReference(high);
            ref var l = ref MemoryMarshal.GetReference(low);
            ref var x = ref MemoryMarshal.GetReference(a);
            var factor = Vector256.Create(b);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var value = Vector256.LoadUnsafe(ref x, (nuint)i);
                var product = value * factor;
                var productError = Fma.MultiplyAdd(value, factor, -product);
                var oldHigh = Vector256.LoadUnsafe(ref h, (nuint)i);
                var sum = oldHigh + product;
                var virtualValue = sum - oldHigh;
                var error = (oldHigh - (sum - virtualValue)) + (product - virtualValue);
                sum.StoreUnsafe(ref h, (nuint)i);
                ((Vector256.LoadUnsafe(ref l, (nuint)i) + error) + productError).StoreUnsafe(ref l, (nuint)i);
            }
        }
        for (; i < n; i++) AddProduct(ref high[i], ref low[i], a[i], b);
    }

    /// <summary>
    /// Σ a[i]·b[i] accumulated in double-double and returned unrounded, so that partial sums can be combined: four lanes
    /// of <see cref="AddProduct"/> where the CPU has AVX and FMA, combined in a fixed order at the end (so the result
    /// does not depend on anything but the data).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double High, double Low) DotParts(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        if (b.Length < n)
            throw new ArgumentException("a and b must have the same length.");
        double high = 0, low = 0;
        var i = 0;
        if (Fma.IsSupported && n >= Vector256<double>.Count)
        {
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            var laneHigh = Vector256<double>.Zero;
            var laneLow = Vector256<double>.Zero;
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var left = Vector256.LoadUnsafe(ref x, (nuint)i);
                var right = Vector256.LoadUnsafe(ref y, (nuint)i);
                var product = left * right;
                var productError = Fma.MultiplyAdd(left, right, -product);
                var sum = laneHigh + product;
                var virtualValue = sum - laneHigh;
                var error = (laneHigh - (sum - virtualValue)) + (product - virtualValue);
                laneHigh = sum;
                laneLow = (laneLow + error) + productError;
            }
            for (var lane = 0; lane < Vector256<double>.Count; lane++)
            {
                Add(ref high, ref low, laneHigh.GetElement(lane));
                low += laneLow.GetElement(lane);
            }
        }
        for (; i < n; i++) AddProduct(ref high, ref low, a[i], b[i]);
        return (high, low);
    }
}
