using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Least squares by pivoted Householder QR, then Björck's iterative refinement of the augmented system
/// <c>[I A; Aᵀ 0]·[r; x] = [b; 0]</c> with both residuals accumulated in double-double. Refining the augmented
/// system (not just <c>x</c>) is what makes the answer accurate for problems with a large residual as well.
/// Columns are first scaled by powers of two to unit-ish norm: exact, and it makes the rank test and the
/// pivoting independent of the units of each column.
/// </summary>
internal static class RefinedLeastSquaresSolver
{
    private const double Epsilon = 2.220446049250313e-16;
    internal const int DefaultMaxRefinementSteps = 10;

    internal sealed record Solution(double[] Coefficients, double ResidualSumOfSquares, int RefinementSteps);

    /// <summary>Rank tolerance relative to the largest diagonal of R of the equilibrated matrix: max(n, p)·eps.</summary>
    public static double RankTolerance(int rows, int columns) => Math.Max(rows, columns) * Epsilon;

    /// <summary>The columns as arrays, their norms taken here; see the main overload for the parameters.</summary>
    /// <param name="columns">Design matrix, one array of length n per column; not modified.</param>
    /// <param name="y">Target, length n.</param>
    /// <param name="describeColumn">Names a column for error messages.</param>
    /// <param name="maxRefinementSteps">0 gives the plain QR answer.</param>
    public static Solution Solve(double[][] columns, double[] y, Func<int, string> describeColumn, int maxRefinementSteps = DefaultMaxRefinementSteps)
    {
        var design = Array.ConvertAll(columns, column => new ReadOnlyMemory<double>(column));
        return Solve(design, ColumnNorms(design), y, describeColumn, maxRefinementSteps);
    }

    /// <summary>Euclidean norms of columns that come without them (<see cref="DesignColumns"/> takes them during its copy).</summary>
    public static double[] ColumnNorms(ReadOnlyMemory<double>[] columns)
    {
        var norms = new double[columns.Length];
        void ColumnNorm(int j) => norms[j] = Householder.Norm(columns[j].Span);
        if ((long)columns[0].Length * columns.Length >= 1 << 17) Parallel.For(0, columns.Length, ColumnNorm);
        else for (var j = 0; j < columns.Length; j++) ColumnNorm(j);
        return norms;
    }

    /// <param name="columns">
    /// Design matrix, column-major (each one column of length n); not modified. The column scaling is applied
    /// where the data is copied anyway (the factorization's copy), and the residual passes use the unscaled columns
    /// with the scaled coefficients: a power of two moves between the factors of a product exactly, so the results are
    /// those of the scaled matrix, bit for bit, without a scaled copy of the design.
    /// </param>
    /// <param name="norms">The Euclidean norm of each column (they set the power-of-two scaling).</param>
    /// <param name="y">Target, length n.</param>
    /// <param name="describeColumn">Names a column for error messages.</param>
    /// <param name="maxRefinementSteps">0 gives the plain QR answer (the accuracy tests compare both).</param>
    public static Solution Solve(ReadOnlyMemory<double>[] columns, double[] norms, double[] y, Func<int, string> describeColumn,
        int maxRefinementSteps = DefaultMaxRefinementSteps)
    {
        var p = columns.Length;
        var n = y.Length;
        var powerOfTwoScale = new double[p];
        for (var j = 0; j < p; j++)
        {
            if (norms[j] == 0)
                throw new ArgumentException($"{describeColumn(j)} is all zeros, so its coefficient is undetermined; remove it.", "x");
            powerOfTwoScale[j] = Math.ScaleB(1.0, -Math.ILogB(norms[j]));
        }
        using var qr = Factorize(columns, powerOfTwoScale, y);
        CheckRank(qr, n, p, columns, describeColumn);

        var x = InitialSolution(qr);
        var r = new double[n];
        var solutionStep = new double[p];
        var steps = 0;
        double previousChange = double.PositiveInfinity;
        var f = new double[n];
        var g = new double[p];
        for (; steps < maxRefinementSteps; steps++)
        {
            if (steps > 0)
            {
                // The previous step's residual correction, formed only now that a step uses it: the last step's
                // would be a pass of Q over the whole design for nothing.
                qr.ApplyQ(f);
                for (var i = 0; i < n; i++) r[i] += f[i];
            }
            AugmentedResidual(columns, powerOfTwoScale, y, x, r, f, g, startResidual: steps == 0);
            SolveAugmented(qr, f, g, solutionStep);
            var change = MaxAbs(solutionStep);
            var size = MaxAbs(x);
            // A correction that stops shrinking means the refinement has reached the noise of the factorization.
            if (change > 0.5 * previousChange) break;
            for (var j = 0; j < p; j++) x[j] += solutionStep[j];
            previousChange = change;
            if (change <= Epsilon * size) { steps++; break; }
            if (steps == 0 && ConvergedAfterFirstStep(qr, n, change, size)) { steps++; break; }
        }

        var coefficients = new double[p];
        for (var j = 0; j < p; j++) coefficients[j] = x[j] * powerOfTwoScale[j];
        return new Solution(coefficients, ResidualSumOfSquares(columns, y, coefficients), steps);
    }

    /// <summary>
    /// Whether one refinement step already reached rounding level. With residuals in double-double, each step of the
    /// augmented-system refinement leaves an error of about c·κ·u times the correction it just applied (Björck), so the
    /// next correction would be below u·|x| once c·κ·|dx| ≤ |x|. κ is bounded from above by p·‖R⁻¹‖₁ (the columns are
    /// equilibrated to norms below 1, so ‖R‖₁ ≤ √p·‖A‖_F ≤ p) with Hager's estimate of ‖R⁻¹‖₁, and c is taken as √n·p.
    /// Ill-conditioned problems (the NIST Wampler and Filip sets) fail the test and refine on; well-conditioned ones
    /// skip a second pass that could only confirm convergence.
    /// </summary>
    private static bool ConvergedAfterFirstStep(IPivotedQr qr, int n, double change, double size)
    {
        var p = qr.ColumnCount;
        var conditionBound = p * InverseOneNormEstimate(qr);
        return double.IsFinite(conditionBound) && Math.Sqrt(n) * p * conditionBound * change <= size;
    }

    /// <summary>Hager's estimate of ‖R⁻¹‖₁ (as in LAPACK's xTRCON): a few solves with R and Rᵀ, never R⁻¹ itself.</summary>
    private static double InverseOneNormEstimate(IPivotedQr qr)
    {
        var p = qr.ColumnCount;
        var x = new double[p];
        Array.Fill(x, 1.0 / p);
        var estimate = 0.0;
        for (var iteration = 0; iteration < 5; iteration++)
        {
            var y = (double[])x.Clone();
            qr.SolveR(y);
            estimate = 0;
            foreach (var v in y) estimate += Math.Abs(v);
            var z = new double[p];
            for (var k = 0; k < p; k++) z[k] = y[k] >= 0 ? 1 : -1;
            qr.SolveRTransposed(z);
            var largest = 0;
            for (var k = 1; k < p; k++) if (Math.Abs(z[k]) > Math.Abs(z[largest])) largest = k;
            var zx = 0.0;
            for (var k = 0; k < p; k++) zx += z[k] * x[k];
            if (Math.Abs(z[largest]) <= zx) break;
            Array.Clear(x, 0, p);
            x[largest] = 1;
        }
        return estimate;
    }

    /// <summary>
    /// Tall matrices go through TSQR (cache-sized row blocks); the rest through one Householder QR of a copy. Either
    /// carries <paramref name="y"/> along for <see cref="IPivotedQr.ProjectedTarget"/>.
    /// </summary>
    private static IPivotedQr Factorize(ReadOnlyMemory<double>[] columns, double[] scale, double[] y)
    {
        if (TallSkinnyQr.IsWorthwhile(columns[0].Length, columns.Length)) return new TallSkinnyQr(columns, scale, y);
        var factorized = new double[columns.Length][];
        for (var j = 0; j < columns.Length; j++)
        {
            factorized[j] = new double[columns[j].Length];
            Householder.ScaledCopy(columns[j].Span, scale[j], factorized[j]);
        }
        return new PivotedHouseholderQr(Array.ConvertAll(factorized, column => new Memory<double>(column)), (double[])y.Clone());
    }

    private static void CheckRank(IPivotedQr qr, int n, int p, ReadOnlyMemory<double>[] columns, Func<int, string> describeColumn)
    {
        var largest = Math.Abs(qr.DiagonalOfR(0));
        var tolerance = RankTolerance(n, p) * largest;
        var rank = 0;
        while (rank < p && Math.Abs(qr.DiagonalOfR(rank)) > tolerance) rank++;
        if (rank == p) return;

        var dependent = Enumerable.Range(rank, p - rank).Select(k => qr.Permutation[k]).OrderBy(j => j).ToArray();
        var names = string.Join(", ", dependent.Select(describeColumn));
        var ratio = Math.Abs(qr.DiagonalOfR(rank)) / largest;
        throw new ArgumentException(
            $"x is rank-deficient (numerical rank {rank} of {p}): {names} {(dependent.Length == 1 ? "is a linear combination" : "are linear combinations")} " +
            $"of the other columns{ConstantHint(dependent, columns)} (pivoted QR: |R[{rank},{rank}]| / |R[0,0]| = {ratio:G3}, " +
            $"at or below the tolerance max(n, p)·eps = {RankTolerance(n, p):G3}). Remove or combine the dependent column(s).", "x");
    }

    private static string ConstantHint(int[] dependent, ReadOnlyMemory<double>[] columns)
    {
        static bool IsConstant(ReadOnlySpan<double> column) => column.IndexOfAnyExcept(column[0]) < 0;
        var constant = dependent.Where(j => IsConstant(columns[j].Span)).ToArray();
        return constant.Length == 0 || columns.Length == 1 ? "" : " (a constant column duplicates the intercept)";
    }

    /// <summary>
    /// The plain QR solution x₀ = P·R⁻¹·(Qᵀ·y)₁, with Qᵀ·y formed during the factorization. The matching residual is not
    /// formed with a pass of Q (Q·[0; (Qᵀ·y)₂]); the first refinement pass takes it as y - A·x₀ in double-double
    /// instead, which is what that product approximates, and reads the design anyway.
    /// </summary>
    private static double[] InitialSolution(IPivotedQr qr)
    {
        var p = qr.ColumnCount;
        var z = qr.ProjectedTarget();
        qr.SolveR(z);
        var x = new double[p];
        for (var k = 0; k < p; k++) x[qr.Permutation[k]] = z[k];
        return x;
    }

    /// <summary>
    /// One solve of the augmented system for right-hand side (f, g): with A·P = Q·R,
    /// h = R⁻ᵀ·Pᵀ·g, d = Qᵀ·f, x = P·R⁻¹·(d₁ - h), r = Q·[h; d₂]. Only x is completed here; <paramref name="f"/> is left
    /// holding [h; d₂], so that r is one <see cref="IPivotedQr.ApplyQ"/> away when the refinement goes on.
    /// </summary>
    private static void SolveAugmented(IPivotedQr qr, double[] f, double[] g, double[] x)
    {
        var p = qr.ColumnCount;
        var h = new double[p];
        for (var k = 0; k < p; k++) h[k] = g[qr.Permutation[k]];
        qr.SolveRTransposed(h);
        qr.ApplyTransposeOfQ(f);
        var z = new double[p];
        for (var k = 0; k < p; k++)
        {
            z[k] = f[k] - h[k];
            f[k] = h[k];
        }
        qr.SolveR(z);
        for (var k = 0; k < p; k++) x[qr.Permutation[k]] = z[k];
    }

    /// <summary>
    /// f = y - r - (A·D)·x and g = -(A·D)ᵀ·r, each accumulated in double-double before the one final rounding, with D
    /// the diagonal of powers of two <paramref name="scale"/>: (A·D)·x is computed as A·(D·x), exactly the same.
    /// With <paramref name="startResidual"/>, r is first set to y - (A·D)·x rounded to float64 and f is its rounding
    /// error (the starting residual of the refinement). Both sums run in the same row chunks, so each chunk of the
    /// design is read once while it is in cache; g's chunk partials (double-double) are added in chunk order, so g
    /// does not depend on how the chunks were scheduled.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AugmentedResidual(ReadOnlyMemory<double>[] a, double[] scale, double[] y, double[] x, double[] r, double[] f, double[] g,
        bool startResidual)
    {
        var n = y.Length;
        var p = a.Length;
        var chunks = RowChunkCount(n);
        var partialHigh = new double[chunks * p];
        var partialLow = new double[chunks * p];
        ForRowChunks(n, p, (chunk, start, end) =>
        {
            var length = end - start;
            var high = f.AsSpan(start, length);
            var low = new double[length];
            var residual = r.AsSpan(start, length);
            y.AsSpan(start, length).CopyTo(high);
            if (!startResidual)
                for (var i = 0; i < length; i++) DoubleDouble.Add(ref high[i], ref low[i], -residual[i]);
            for (var j = 0; j < p; j++)
                DoubleDouble.AddProducts(high, low, a[j].Span.Slice(start, length), -(x[j] * scale[j]));
            if (startResidual)
            {
                for (var i = 0; i < length; i++)
                {
                    var sum = DoubleDouble.TwoSum(high[i], low[i], out var error);
                    residual[i] = sum;
                    high[i] = error;
                }
            }
            else
            {
                for (var i = 0; i < length; i++) high[i] += low[i];
            }
            for (var j = 0; j < p; j++)
            {
                // -Aᵀ·r = -(Aᵀ·r): rounding is symmetric, so the negation can come last.
                var (dotHigh, dotLow) = DoubleDouble.DotParts(a[j].Span.Slice(start, length), residual);
                partialHigh[chunk * p + j] = dotHigh;
                partialLow[chunk * p + j] = dotLow;
            }
        });
        for (var j = 0; j < p; j++)
        {
            double high = 0, low = 0;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                DoubleDouble.Add(ref high, ref low, partialHigh[chunk * p + j]);
                low += partialLow[chunk * p + j];
            }
            g[j] = -(high + low) * scale[j];
        }
    }

    /// <summary>
    /// Σ (y - A·x)², each residual accumulated in double-double and rounded once (as exact as float64 residuals can be),
    /// its square summed in double-double within its row chunk, the chunks' sums added in chunk order. Only the sum is
    /// kept: R² and the residual standard error need nothing else, and no n-vector is written.
    /// </summary>
    private static double ResidualSumOfSquares(ReadOnlyMemory<double>[] a, double[] y, double[] x)
    {
        var n = y.Length;
        var chunks = RowChunkCount(n);
        var partialHigh = new double[chunks];
        var partialLow = new double[chunks];
        ForRowChunks(n, a.Length, (chunk, start, end) =>
        {
            var high = y.AsSpan(start, end - start).ToArray();
            var low = new double[high.Length];
            for (var j = 0; j < a.Length; j++)
                DoubleDouble.AddProducts(high, low, a[j].Span.Slice(start, end - start), -x[j]);
            double sumHigh = 0, sumLow = 0;
            for (var i = 0; i < high.Length; i++)
            {
                var residual = high[i] + low[i];
                DoubleDouble.AddProduct(ref sumHigh, ref sumLow, residual, residual);
            }
            partialHigh[chunk] = sumHigh;
            partialLow[chunk] = sumLow;
        });
        double totalHigh = 0, totalLow = 0;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            DoubleDouble.Add(ref totalHigh, ref totalLow, partialHigh[chunk]);
            totalLow += partialLow[chunk];
        }
        return totalHigh + totalLow;
    }

    /// <summary>Rows per chunk: the chunk's double-double accumulators (128 KB) stay in L2 while the columns stream by.</summary>
    private const int ChunkRows = 8192;

    private static int RowChunkCount(int n) => Math.Max(1, (n + ChunkRows - 1) / ChunkRows);

    /// <summary>
    /// Runs <paramref name="body"/>(chunk, start, end) over fixed row ranges, in parallel for large problems. Every row
    /// is computed alone, in the same order of columns, and chunk boundaries depend only on n, so the result does not
    /// depend on the scheduling.
    /// </summary>
    private static void ForRowChunks(int n, int p, Action<int, int, int> body)
    {
        var chunks = RowChunkCount(n);
        if (chunks > 1 && (long)n * p >= 1 << 17)
            Parallel.For(0, chunks, c => body(c, c * ChunkRows, Math.Min(n, (c + 1) * ChunkRows)));
        else
            for (var c = 0; c < chunks; c++) body(c, c * ChunkRows, Math.Min(n, (c + 1) * ChunkRows));
    }

    private static double MaxAbs(double[] values)
    {
        var largest = 0.0;
        foreach (var v in values) largest = Math.Max(largest, Math.Abs(v));
        return largest;
    }
}
