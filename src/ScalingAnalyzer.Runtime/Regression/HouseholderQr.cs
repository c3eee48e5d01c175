using System;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Householder QR without pivoting, <c>A = Q·R</c>, of one TSQR row block (at least as many rows as columns). The blocks
/// need no pivoting: the stacked factorization of their R factors pivots, on column norms the orthogonal block step
/// leaves unchanged. That frees the reflectors to be applied two at a time (<see cref="Householder.ApplyPair"/>),
/// which halves the passes over the trailing columns, the work that dominates a block.
/// </summary>
internal sealed class HouseholderQr
{
    private readonly Memory<double>[] _columns;   // reflector tails below the diagonal, R above
    private readonly double[] _tau;
    private readonly double[] _diagonal;

    /// <param name="columns">The m×p block, one window of length m per column; factorized in place.</param>
    /// <param name="target">Optional right-hand side, replaced by Qᵀ·target as the reflectors are made (one at a time, in
    /// the order <see cref="ApplyTransposeOfQ"/> takes, so the result is the same bit for bit).</param>
    public HouseholderQr(Memory<double>[] columns, Memory<double> target = default)
    {
        _columns = columns;
        var p = columns.Length;
        _tau = new double[p];
        _diagonal = new double[p];
        for (var k = 0; k < p; k += 2)
        {
            _diagonal[k] = Householder.MakeReflector(columns[k].Span, k, out _tau[k]);
            if (k + 1 == p)
            {
                if (!target.IsEmpty) Householder.Apply(columns[k].Span, _tau[k], k, target.Span);
                break;
            }
            // Column k + 1 needs reflector k before it can make reflector k + 1; the columns after it take both at once.
            Householder.Apply(columns[k].Span, _tau[k], k, columns[k + 1].Span);
            _diagonal[k + 1] = Householder.MakeReflector(columns[k + 1].Span, k + 1, out _tau[k + 1]);
            var first = columns[k].Span;
            var second = columns[k + 1].Span;
            var coupling = Householder.PairCoupling(first, second, k);
            for (var j = k + 2; j < p; j++)
                Householder.ApplyPair(first, _tau[k], second, _tau[k + 1], coupling, k, columns[j].Span);
            if (!target.IsEmpty)
            {
                Householder.Apply(first, _tau[k], k, target.Span);
                Householder.Apply(second, _tau[k + 1], k + 1, target.Span);
            }
        }
    }

    /// <summary>R[row, column] (zero below the diagonal).</summary>
    public double EntryOfR(int row, int column) =>
        row < column ? _columns[column].Span[row] : row == column ? _diagonal[column] : 0;

    /// <summary>v ← Qᵀ·v.</summary>
    public void ApplyTransposeOfQ(Span<double> v)
    {
        for (var k = 0; k < _columns.Length; k++) Householder.Apply(_columns[k].Span, _tau[k], k, v);
    }

    /// <summary>v ← Q·v.</summary>
    public void ApplyQ(Span<double> v)
    {
        for (var k = _columns.Length - 1; k >= 0; k--) Householder.Apply(_columns[k].Span, _tau[k], k, v);
    }
}
