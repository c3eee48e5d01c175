using System;
using System.Runtime.CompilerServices;

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

    /// <summary>(high, low) += a · b, the product's rounding error kept exactly through the FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct(ref double high, ref double low, double a, double b)
    {
        var product = a * b;
        var productError = Math.FusedMultiplyAdd(a, b, -product);
        Add(ref high, ref low, product);
        low += productError;
    }
}
