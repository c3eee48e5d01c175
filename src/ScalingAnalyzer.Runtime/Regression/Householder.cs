using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Householder reflectors as both QR factorizations store them (the reflector's tail below the diagonal of its column,
/// its leading 1 implicit), and the vector kernels they run on.
/// </summary>
internal static class Householder
{
    /// <summary>
    /// Turns column[k..] into a reflector: returns the diagonal entry β of R (also left in column[k]), scales the tail
    /// into the reflector and gives τ (0 when the tail is already zero: then the reflector is the identity).
    /// </summary>
    public static double MakeReflector(Span<double> column, int k, out double tau)
    {
        var alpha = column[k];
        var tailNorm = Norm(column.Slice(k + 1));
        if (tailNorm == 0)
        {
            tau = 0;
            return alpha;
        }
        var beta = -Math.CopySign(Hypot(alpha, tailNorm), alpha);
        tau = (beta - alpha) / beta;
        Scale(column.Slice(k + 1), 1.0 / (alpha - beta));
        column[k] = beta;
        return beta;
    }

    /// <summary>v ← (I - τ·u·uᵀ)·v with u = (1, reflector[k+1..n)) starting at row k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<double> reflector, double tau, int k, Span<double> v)
    {
        if (tau == 0) return;
        var s = tau * (v[k] + Dot(reflector.Slice(k + 1), v.Slice(k + 1)));
        v[k] -= s;
        AddScaled(v.Slice(k + 1), reflector.Slice(k + 1), -s);
    }

    /// <summary>
    /// uᵀ·w for the reflectors u of step k and w of step k + 1 (w is zero at row k and 1 at row k + 1): the coupling
    /// <see cref="ApplyPair"/> needs.
    /// </summary>
    public static double PairCoupling(ReadOnlySpan<double> first, ReadOnlySpan<double> second, int k) =>
        first[k + 1] + Dot(first.Slice(k + 2), second.Slice(k + 2));

    /// <summary>
    /// v ← (I - τ₂·w·wᵀ)·(I - τ₁·u·uᵀ)·v for the reflectors u of step k and w of step k + 1, in two passes over v instead
    /// of four: both dot products in one (wᵀ of the once-reflected v is wᵀv - τ₁·(uᵀv)·(wᵀu)), both updates in the other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyPair(ReadOnlySpan<double> first, double firstTau, ReadOnlySpan<double> second, double secondTau,
        double coupling, int k, Span<double> v)
    {
        var width = Vector<double>.Count;
        var n = v.Length;
        ref var u = ref MemoryMarshal.GetReference(first[..n]);
        ref var w = ref MemoryMarshal.GetReference(second[..n]);
        ref var target = ref MemoryMarshal.GetReference(v);
        Vector<double> firstDot0 = default, firstDot1 = default, secondDot0 = default, secondDot1 = default;
        var start = k + 2;
        var i = start;
        for (; i + 2 * width <= n; i += 2 * width)
        {
            var v0 = Vector.LoadUnsafe(ref target, (nuint)i);
            var v1 = Vector.LoadUnsafe(ref target, (nuint)(i + width));
            firstDot0 += Vector.LoadUnsafe(ref u, (nuint)i) * v0;
            firstDot1 += Vector.LoadUnsafe(ref u, (nuint)(i + width)) * v1;
            secondDot0 += Vector.LoadUnsafe(ref w, (nuint)i) * v0;
            secondDot1 += Vector.LoadUnsafe(ref w, (nuint)(i + width)) * v1;
        }
        var firstDot = Vector.Sum(firstDot0 + firstDot1);
        var secondDot = Vector.Sum(secondDot0 + secondDot1);
        for (; i < n; i++)
        {
            firstDot += first[i] * v[i];
            secondDot += second[i] * v[i];
        }
        firstDot += v[k] + first[k + 1] * v[k + 1];
        secondDot += v[k + 1];
        var firstStep = firstTau * firstDot;
        var secondStep = secondTau * (secondDot - firstStep * coupling);
        v[k] -= firstStep;
        v[k + 1] -= firstStep * first[k + 1] + secondStep;
        var firstFactor = new Vector<double>(-firstStep);
        var secondFactor = new Vector<double>(-secondStep);
        i = start;
        for (; i + width <= n; i += width)
            (Vector.LoadUnsafe(ref target, (nuint)i) + Vector.LoadUnsafe(ref u, (nuint)i) * firstFactor
                    + Vector.LoadUnsafe(ref w, (nuint)i) * secondFactor)
                .StoreUnsafe(ref target, (nuint)i);
        for (; i < n; i++) v[i] -= firstStep * first[i] + secondStep * second[i];
    }

    private static double Hypot(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        var big = Math.Max(a, b);
        if (big == 0) return 0;
        var small = Math.Min(a, b) / big;
        return big * Math.Sqrt(1 + small * small);
    }

    /// <summary>Euclidean norm of v[start..]; squares can neither overflow nor underflow (see <see cref="Norm(ReadOnlySpan{double})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Norm(double[] v, int start) => Norm(v.AsSpan(start));

    /// <summary>
    /// One pass takes the largest magnitude and the plain sum of squares together. When the largest magnitude lies
    /// within 2^±450 that sum is the answer: no square can overflow, and squares that underflow are below 2⁻¹²⁰ of the
    /// sum. Otherwise a second pass sums the squares scaled by a power of two near 1/largest. The scaling is exact, so
    /// both routes give the same result wherever both are safe.
    /// </summary>
    /// <remarks>Vectorized with independent accumulators: the block factorizations of TSQR take a norm per column step.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Norm(ReadOnlySpan<double> values)
    {
        var (safeSmallest, safeLargest) = (Math.ScaleB(1.0, -450), Math.ScaleB(1.0, 450));
        var width = Vector<double>.Count;
        var n = values.Length;
        ref var first = ref MemoryMarshal.GetReference(values);
        Vector<double> largest0 = default, largest1 = default, sum0 = default, sum1 = default;
        var i = 0;
        for (; i + 2 * width <= n; i += 2 * width)
        {
            var a = Vector.LoadUnsafe(ref first, (nuint)i);
            var b = Vector.LoadUnsafe(ref first, (nuint)(i + width));
            largest0 = Vector.Max(largest0, Vector.Abs(a));
            largest1 = Vector.Max(largest1, Vector.Abs(b));
            sum0 += a * a;
            sum1 += b * b;
        }
        for (; i + width <= n; i += width)
        {
            var a = Vector.LoadUnsafe(ref first, (nuint)i);
            largest0 = Vector.Max(largest0, Vector.Abs(a));
            sum0 += a * a;
        }
        var largestLanes = Vector.Max(largest0, largest1);
        var largest = 0.0;
        for (var lane = 0; lane < width; lane++) largest = Math.Max(largest, largestLanes[lane]);
        var sum = Vector.Sum(sum0 + sum1);
        for (var tail = i; tail < n; tail++)
        {
            largest = Math.Max(largest, Math.Abs(values[tail]));
            sum += values[tail] * values[tail];
        }
        if (largest == 0 || !double.IsFinite(largest)) return largest;
        if (largest >= safeSmallest && largest <= safeLargest) return Math.Sqrt(sum);

        var factor = Math.ScaleB(1.0, -Math.ILogB(largest));
        var scale = new Vector<double>(factor);
        sum0 = sum1 = default;
        i = 0;
        for (; i + 2 * width <= n; i += 2 * width)
        {
            var a = Vector.LoadUnsafe(ref first, (nuint)i) * scale;
            var b = Vector.LoadUnsafe(ref first, (nuint)(i + width)) * scale;
            sum0 += a * a;
            sum1 += b * b;
        }
        for (; i + width <= n; i += width)
        {
            var a = Vector.LoadUnsafe(ref first, (nuint)i) * scale;
            sum0 += a * a;
        }
        sum = Vector.Sum(sum0 + sum1);
        for (; i < n; i++)
        {
            var scaled = values[i] * factor;
            sum += scaled * scaled;
        }
        return Math.Sqrt(sum) / factor;
    }

    /// <summary>
    /// Four independent accumulators: with one, every vector waits for the previous add, and the dot product,
    /// half of each reflector application, ran at a quarter of the speed the cache delivers the data.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var n = a.Length;
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b[..n]);
        Vector<double> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        var i = 0;
        for (; i + 4 * width <= n; i += 4 * width)
        {
            sum0 += Vector.LoadUnsafe(ref left, (nuint)i) * Vector.LoadUnsafe(ref right, (nuint)i);
            sum1 += Vector.LoadUnsafe(ref left, (nuint)(i + width)) * Vector.LoadUnsafe(ref right, (nuint)(i + width));
            sum2 += Vector.LoadUnsafe(ref left, (nuint)(i + 2 * width)) * Vector.LoadUnsafe(ref right, (nuint)(i + 2 * width));
            sum3 += Vector.LoadUnsafe(ref left, (nuint)(i + 3 * width)) * Vector.LoadUnsafe(ref right, (nuint)(i + 3 * width));
        }
        for (; i + width <= n; i += width)
            sum0 += Vector.LoadUnsafe(ref left, (nuint)i) * Vector.LoadUnsafe(ref right, (nuint)i);
        var sum = Vector.Sum((sum0 + sum1) + (sum2 + sum3));
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var width = Vector<double>.Count;
        var n = target.Length;
        ref var destination = ref MemoryMarshal.GetReference(target);
        ref var origin = ref MemoryMarshal.GetReference(source[..n]);
        var scale = new Vector<double>(factor);
        var i = 0;
        for (; i + width <= n; i += width)
            (Vector.LoadUnsafe(ref destination, (nuint)i) + Vector.LoadUnsafe(ref origin, (nuint)i) * scale)
                .StoreUnsafe(ref destination, (nuint)i);
        for (; i < n; i++) target[i] += source[i] * factor;
    }

    /// <summary>target ← factor · source (element by element, so target may be source itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaledCopy(ReadOnlySpan<double> source, double factor, Span<double> target)
    {
        var width = Vector<double>.Count;
        var n = source.Length;
        ref var origin = ref MemoryMarshal.GetReference(source);
        ref var destination = ref MemoryMarshal.GetReference(target[..n]);
        var scale = new Vector<double>(factor);
        var i = 0;
        for (; i + width <= n; i += width)
            (Vector.LoadUnsafe(ref origin, (nuint)i) * scale).StoreUnsafe(ref destination, (nuint)i);
        for (; i < n; i++) target[i] = source[i] * factor;
    }

    private static void Scale(Span<double> target, double factor) => ScaledCopy(target, factor, target);
}
