using System;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// A column-pivoted orthogonal factorization <c>A·P = Q·R</c> as the refinement needs it: Q applied to vectors,
/// triangular solves with R, the pivot order and R's diagonal for the rank decision. Disposing returns pooled storage.
/// </summary>
internal interface IPivotedQr : IDisposable
{
    int Rows { get; }
    int ColumnCount { get; }

    /// <summary>Position k of the factorization holds original column Permutation[k].</summary>
    int[] Permutation { get; }

    double DiagonalOfR(int k);

    /// <summary>The leading ColumnCount entries of Qᵀ·target, for the target the factorization was given.</summary>
    double[] ProjectedTarget();

    /// <summary>v ← Qᵀ·v; afterwards v[0..ColumnCount) is the component in the range of A.</summary>
    void ApplyTransposeOfQ(double[] v);

    /// <summary>v ← Q·v, the inverse of <see cref="ApplyTransposeOfQ"/>.</summary>
    void ApplyQ(double[] v);

    /// <summary>Solves R·z = rhs in place.</summary>
    void SolveR(double[] rhs);

    /// <summary>Solves Rᵀ·z = rhs in place.</summary>
    void SolveRTransposed(double[] rhs);
}
