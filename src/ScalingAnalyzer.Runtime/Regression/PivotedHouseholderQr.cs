using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Threading.Tasks;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Householder QR with column pivoting (Businger–Golub), <c>A·P = Q·R</c>, on a column-major n×p matrix.
/// Column norms are downdated as in LAPACK's xLAQP2 and recomputed when cancellation makes them unreliable.
/// Q is kept as its reflectors, applied in O(n·p) per vector: nothing n×n is ever formed. Problems too small for
/// TSQR take it directly; TSQR takes it for its stacked R factors (its row blocks need no pivoting: <see cref="HouseholderQr"/>).
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
            norms[j] = referenceNorms[j] = Householder.Norm(_columns[j].Span);
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
            _diagonal[k] = Householder.MakeReflector(column, k, out _tau[k]);
            if (_tau[k] != 0)
            {
                var reflector = _columns[k];
                var step = k;
                var tau = _tau[k];
                void Reflect(int j) => Householder.Apply(reflector.Span, tau, step, _columns[j].Span);
                if ((long)(n - k) * (p - k - 1) >= ParallelThreshold) Parallel.For(k + 1, p, Reflect);
                else for (var j = k + 1; j < p; j++) Reflect(j);
                if (!_target.IsEmpty) Householder.Apply(reflector.Span, tau, step, _target.Span);
            }

            for (var j = k + 1; j < p; j++)
            {
                if (norms[j] == 0) continue;
                var ratio = Math.Abs(_columns[j].Span[k]) / norms[j];
                var remaining = Math.Max(0, (1 + ratio) * (1 - ratio));
                var drift = remaining * (norms[j] / referenceNorms[j]) * (norms[j] / referenceNorms[j]);
                if (drift <= downdateTolerance)
                {
                    norms[j] = k + 1 < n ? Householder.Norm(_columns[j].Span.Slice(k + 1)) : 0;
                    referenceNorms[j] = norms[j];
                }
                else
                {
                    norms[j] *= Math.Sqrt(remaining);
                }
            }
        }
    }

    public void ApplyTransposeOfQ(double[] v) => ApplyTransposeOfQ(v.AsSpan());

    public void ApplyQ(double[] v) => ApplyQ(v.AsSpan());

    /// <summary>v ← Qᵀ·v.</summary>
    public void ApplyTransposeOfQ(Span<double> v)
    {
        for (var k = 0; k < Math.Min(ColumnCount, Rows); k++) Householder.Apply(_columns[k].Span, _tau[k], k, v);
    }

    /// <summary>v ← Q·v.</summary>
    public void ApplyQ(Span<double> v)
    {
        for (var k = Math.Min(ColumnCount, Rows) - 1; k >= 0; k--) Householder.Apply(_columns[k].Span, _tau[k], k, v);
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

    /// <summary>Nothing to release: the columns belong to the caller.</summary>
    public void Dispose()
    {
    }
}
