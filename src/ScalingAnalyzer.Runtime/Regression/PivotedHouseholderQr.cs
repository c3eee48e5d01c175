using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Threading.Tasks;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Householder QR with column pivoting (Businger–Golub), <c>A·P = Q·R</c>, on a column-major n×p matrix.
/// Column norms are downdated as in LAPACK's xLAQP2 and recomputed when cancellation makes them unreliable.
/// Q is kept as its reflectors, applied in O(n·p) per vector: nothing n×n is ever formed. The columns may be
/// windows of a larger buffer (TSQR factorizes its row blocks in one allocation, not one array per block column).
/// </summary>
internal sealed class PivotedHouseholderQr : IPivotedQr
{
    private const long ParallelThreshold = 1L << 17;

    private readonly Memory<double>[] _columns;   // reflector tails below the diagonal, R above
    private readonly double[] _tau;
    private readonly double[] _diagonal;
    private readonly Memory<double> _target;

    public PivotedHouseholderQr(double[][] columns) : this(Array.ConvertAll(columns, column => new Memory<double>(column)))
    {
    }

    /// <param name="columns">The n×p matrix, one window of length n per column; factorized in place.</param>
    /// <param name="target">
    /// Optional right-hand side, replaced by Qᵀ·target as the reflectors are made (as LAPACK's xGELS does with
    /// [A b]): each reflector meets the target while it is still in cache, instead of in a later pass over all of Q.
    /// </param>
    public PivotedHouseholderQr(Memory<double>[] columns, Memory<double> target = default)
    {
        _columns = columns;
        _target = target;
        Rows = columns[0].Length;
        ColumnCount = columns.Length;
        Permutation = new int[ColumnCount];
        _tau = new double[ColumnCount];
        _diagonal = new double[ColumnCount];
        Factorize();
    }

    public int Rows { get; }
    public int ColumnCount { get; }

    /// <summary>Position k of the factorization holds original column Permutation[k].</summary>
    public int[] Permutation { get; }

    public double DiagonalOfR(int k) => _diagonal[k];

    public double[] ProjectedTarget() => _target.IsEmpty
        ? throw new InvalidOperationException("This factorization was given no target.")
        : _target.Span[..ColumnCount].ToArray();

    /// <summary>R[row, position] (zero below the diagonal).</summary>
    public double EntryOfR(int row, int position) =>
        row < position ? _columns[position].Span[row] : row == position ? _diagonal[position] : 0;

    private void Factorize()
    {
        var p = ColumnCount;
        var n = Rows;
        var norms = new double[p];
        var referenceNorms = new double[p];
        for (var j = 0; j < p; j++)
        {
            Permutation[j] = j;
            norms[j] = referenceNorms[j] = Norm(_columns[j].Span);
        }
        var downdateTolerance = Math.Sqrt(2.220446049250313e-16);

        for (var k = 0; k < p; k++)
        {
            var pivot = k;
            for (var j = k + 1; j < p; j++) if (norms[j] > norms[pivot]) pivot = j;
            if (pivot != k)
            {
                (_columns[k], _columns[pivot]) = (_columns[pivot], _columns[k]);
                (Permutation[k], Permutation[pivot]) = (Permutation[pivot], Permutation[k]);
                (norms[k], norms[pivot]) = (norms[pivot], norms[k]);
                (referenceNorms[k], referenceNorms[pivot]) = (referenceNorms[pivot], referenceNorms[k]);
            }

            var column = _columns[k].Span;
            if (k >= n)
            {
                _diagonal[k] = 0;
                continue;
            }
            var alpha = column[k];
            var tailNorm = Norm(column.Slice(k + 1));
            if (tailNorm == 0)
            {
                _tau[k] = 0;
                _diagonal[k] = alpha;
            }
            else
            {
                var beta = -Math.CopySign(Hypot(alpha, tailNorm), alpha);
                _tau[k] = (beta - alpha) / beta;
                Scale(column.Slice(k + 1), 1.0 / (alpha - beta));
                _diagonal[k] = beta;
                column[k] = beta;
                var reflector = _columns[k];
                var step = k;
                var tau = _tau[k];
                void Reflect(int j) => ApplyReflector(reflector.Span, tau, step, _columns[j].Span);
                if ((long)(n - k) * (p - k - 1) >= ParallelThreshold) Parallel.For(k + 1, p, Reflect);
                else for (var j = k + 1; j < p; j++) Reflect(j);
                if (!_target.IsEmpty) ApplyReflector(reflector.Span, tau, step, _target.Span);
            }

            for (var j = k + 1; j < p; j++)
            {
                if (norms[j] == 0) continue;
                var ratio = Math.Abs(_columns[j].Span[k]) / norms[j];
                var remaining = Math.Max(0, (1 + ratio) * (1 - ratio));
                var drift = remaining * (norms[j] / referenceNorms[j]) * (norms[j] / referenceNorms[j]);
                if (drift <= downdateTolerance)
                {
                    norms[j] = k + 1 < n ? Norm(_columns[j].Span.Slice(k + 1)) : 0;
                    referenceNorms[j] = norms[j];
                }
                else
                {
                    norms[j] *= Math.Sqrt(remaining);
                }
            }
        }
    }

    /// <summary>v ← (I - τ·u·uᵀ)·v with u = (1, reflector[k+1..n)) starting at row k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyReflector(ReadOnlySpan<double> reflector, double tau, int k, Span<double> v)
    {
        if (tau == 0) return;
        var s = tau * (v[k] + Dot(reflector.Slice(k + 1), v.Slice(k + 1)));
        v[k] -= s;
        AddScaled(v.Slice(k + 1), reflector.Slice(k + 1), -s);
    }

    public void ApplyTransposeOfQ(double[] v) => ApplyTransposeOfQ(v.AsSpan());

    public void ApplyQ(double[] v) => ApplyQ(v.AsSpan());

    /// <summary>v ← Qᵀ·v.</summary>
    public void ApplyTransposeOfQ(Span<double> v)
    {
        for (var k = 0; k < Math.Min(ColumnCount, Rows); k++) ApplyReflector(_columns[k].Span, _tau[k], k, v);
    }

    /// <summary>v ← Q·v.</summary>
    public void ApplyQ(Span<double> v)
    {
        for (var k = Math.Min(ColumnCount, Rows) - 1; k >= 0; k--) ApplyReflector(_columns[k].Span, _tau[k], k, v);
    }

    /// <summary>Solves R·z = rhs (upper triangular, first p rows) in place.</summary>
    public void SolveR(double[] rhs)
    {
        for (var i = ColumnCount - 1; i >= 0; i--)
        {
            var sum = rhs[i];
            for (var j = i + 1; j < ColumnCount; j++) sum -= _columns[j].Span[i] * rhs[j];
            rhs[i] = sum / _diagonal[i];
        }
    }

    /// <summary>Solves Rᵀ·z = rhs (lower triangular) in place.</summary>
    public void SolveRTransposed(double[] rhs)
    {
        for (var i = 0; i < ColumnCount; i++)
        {
            var sum = rhs[i];
            var column = _columns[i].Span;
            for (var j = 0; j < i; j++) sum -= column[j] * rhs[j];
            rhs[i] = sum / _diagonal[i];
        }
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
    internal static double Norm(double[] v, int start) => Norm(v.AsSpan(start));

    /// <summary>
    /// One pass takes the largest magnitude and the plain sum of squares together. When the largest magnitude lies
    /// within 2^±450 that sum is the answer: no square can overflow, and squares that underflow are below 2⁻¹²⁰ of the
    /// sum. Otherwise a second pass sums the squares scaled by a power of two near 1/largest. The scaling is exact, so
    /// both routes give the same result wherever both are safe.
    /// </summary>
    /// <remarks>Vectorized with independent accumulators: the block factorizations of TSQR take a norm per column step.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Norm(ReadOnlySpan<double> values)
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

    /// <summary>target ← factor · source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ScaledCopy(ReadOnlySpan<double> source, double factor, Span<double> target)
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

    /// <summary>Nothing to release: the columns belong to the caller.</summary>
    public void Dispose()
    {
    }

    private static void Scale(Span<double> target, double factor)
    {
        for (var i = 0; i < target.Length; i++) target[i] *= factor;
    }
}
