using System;
using System.Buffers;
using ScalingAnalyzer.Runtime.Regression;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// Reference linear least squares in float64: Householder QR with column pivoting (never the normal
/// equations), then iterative refinement of the augmented system with residuals in double-double, which
/// brings the coefficients to what the float64 data allows (NIST StRD: see the README for measured LRE).
/// </summary>
/// <remarks>
/// Rank: columns are scaled by powers of two to comparable norms, and the design matrix (with the column
/// of ones when an intercept is fitted) counts as rank-deficient when a diagonal entry of the pivoted R
/// falls to max(n, p)·2⁻⁵² times the largest one or below. Then no answer is produced: an
/// <see cref="ArgumentException"/> names the column(s) that depend on the others.
/// <para>
/// Memory: the working copies of the design (about two of n·p doubles) are rented from
/// <see cref="ArrayPool{T}.Shared"/> and returned when the fit ends, so repeated fits reuse them instead of paying a
/// page fault per 4 KB of fresh memory. The pool keeps them for reuse until the runtime trims it (after a while unused,
/// sooner under memory pressure): about 320 MB after a 400 000 × 50 fit.
/// </para>
/// </remarks>
public static class LeastSquares
{
    /// <summary>Fits <c>y ≈ X·β (+ intercept)</c> on tensors; x is <c>[n]</c> or <c>[n, k]</c>, y is <c>[n]</c> or <c>[n, 1]</c>, float32 or float64 on any device.</summary>
    /// <exception cref="ArgumentException">Integer dtype, wrong rank, empty, row counts that differ, NaN/infinity (named by row and column), too few rows, or rank-deficient columns (named).</exception>
    public static LeastSquaresResult Fit(torch.Tensor x, torch.Tensor y, bool fitIntercept = true)
    {
        var (rows, columns) = InputGuard.CheckTensor(x, nameof(x));
        var (targetRows, targetColumns) = InputGuard.CheckTensor(y, nameof(y));
        if (targetColumns != 1)
            throw new ArgumentException($"y has shape {InputGuard.Shape(y)}; expected [n] or [n, 1] (one target).", nameof(y));
        CheckSameRows(rows, targetRows);
        if (rows > Array.MaxLength)
            throw new ArgumentException($"x has {rows} rows (shape {InputGuard.Shape(x)}); at most {Array.MaxLength} are supported.", nameof(x));
        // Read straight from the tensors' storage into the solver's column layout, as the array form does:
        // checking finiteness with torch operations first and transposing a flat copy afterwards read the
        // data three times and wrote it twice, on one thread.
        using var features = DesignColumns.FromTensor(x, (int)rows, columns, nameof(x));
        double[] target;
        using (var targetColumn = DesignColumns.FromTensor(y, (int)rows, 1, nameof(y))) target = targetColumn.Columns[0].ToArray();
        return Solve(features.Columns, features.Norms, target, fitIntercept);
    }

    /// <summary>Fits <c>y ≈ X·β (+ intercept)</c> on a row-major <c>[n, k]</c> array.</summary>
    /// <exception cref="ArgumentException">Empty, row counts that differ, NaN/infinity (named by row and column), too few rows, or rank-deficient columns (named).</exception>
    public static LeastSquaresResult Fit(double[,] x, double[] y, bool fitIntercept = true) =>
        Fit(x, y, fitIntercept, RefinedLeastSquaresSolver.DefaultMaxRefinementSteps);

    /// <summary>The array form with a bound on refinement steps; 0 shows what QR alone achieves.</summary>
    internal static LeastSquaresResult Fit(double[,] x, double[] y, bool fitIntercept, int maxRefinementSteps)
    {
        InputGuard.CheckArray(x, nameof(x));
        InputGuard.CheckArray(y, nameof(y));
        var rows = x.GetLength(0);
        var columns = x.GetLength(1);
        CheckSameRows(rows, y.Length);
        DesignColumns features;
        unsafe
        {
            fixed (double* data = x) features = DesignColumns.FromRowMajor(data, rows, columns, nameof(x), oneDimensional: false);
        }
        using (features)
        {
            CheckFinite(y, nameof(y));
            return Solve(features.Columns, features.Norms, (double[])y.Clone(), fitIntercept, maxRefinementSteps);
        }
    }

    /// <summary>Fits <c>y ≈ β·x (+ intercept)</c> for one feature.</summary>
    /// <exception cref="ArgumentException">Empty, lengths that differ, NaN/infinity (named by row), too few rows, or a degenerate feature.</exception>
    public static LeastSquaresResult Fit(double[] x, double[] y, bool fitIntercept = true)
    {
        InputGuard.CheckArray(x, nameof(x));
        InputGuard.CheckArray(y, nameof(y));
        CheckSameRows(x.Length, y.Length);
        CheckFinite(x, nameof(x));
        CheckFinite(y, nameof(y));
        ReadOnlyMemory<double>[] feature = [(double[])x.Clone()];
        return Solve(feature, RefinedLeastSquaresSolver.ColumnNorms(feature), (double[])y.Clone(), fitIntercept);
    }

    private static void CheckSameRows(long xRows, long yRows)
    {
        if (xRows != yRows)
            throw new ArgumentException($"x has {xRows} rows but y has {yRows}; they must describe the same observations.", "y");
    }

    private static void CheckFinite(double[] values, string name)
    {
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) throw InputGuard.NonFinite(name, values[i], i, 0, oneDimensional: true);
    }

    private static LeastSquaresResult Solve(ReadOnlyMemory<double>[] features, double[] featureNorms, double[] y, bool fitIntercept,
        int maxRefinementSteps = RefinedLeastSquaresSolver.DefaultMaxRefinementSteps)
    {
        var n = y.Length;
        var k = features.Length;
        var p = k + (fitIntercept ? 1 : 0);
        if (n < p)
            throw new ArgumentException(
                $"x has {n} row(s) but the model has {p} coefficient(s) ({k} column(s){(fitIntercept ? " + intercept" : "")}); " +
                "at least as many rows as coefficients are needed.", "x");

        ReadOnlyMemory<double>[] design;
        double[] norms;
        // The column of ones comes from the shared pool, like the design it joins: new memory costs a page fault per 4 KB.
        var ones = fitIntercept ? ArrayPool<double>.Shared.Rent(n) : null;
        if (ones is not null)
        {
            ones.AsSpan(0, n).Fill(1.0);
            design = [ones.AsMemory(0, n), .. features];
            norms = [Math.Sqrt(n), .. featureNorms];
        }
        else
        {
            design = features;
            norms = featureNorms;
        }
        string Describe(int j) => fitIntercept
            ? j == 0 ? "the intercept" : $"column {j - 1}"
            : $"column {j}";

        RefinedLeastSquaresSolver.Solution solution;
        try
        {
            solution = RefinedLeastSquaresSolver.Solve(design, norms, y, Describe, maxRefinementSteps);
        }
        finally
        {
            if (ones is not null) ArrayPool<double>.Shared.Return(ones);
        }
        var coefficients = new double[k];
        Array.Copy(solution.Coefficients, fitIntercept ? 1 : 0, coefficients, 0, k);
        var intercept = fitIntercept ? solution.Coefficients[0] : 0.0;

        var residualSquares = solution.ResidualSumOfSquares;
        var totalSquares = SumOfSquares(y, fitIntercept ? Mean(y) : 0);
        var rSquared = totalSquares == 0 ? (residualSquares == 0 ? 1.0 : 0.0) : 1 - residualSquares / totalSquares;
        var standardError = n > p ? Math.Sqrt(residualSquares / (n - p)) : double.NaN;
        return new LeastSquaresResult(Array.AsReadOnly(coefficients), intercept, rSquared, standardError, n);
    }

    private static double Mean(double[] values)
    {
        double high = 0, low = 0;
        foreach (var v in values) DoubleDouble.Add(ref high, ref low, v);
        var sum = high + low;
        var mean = sum / values.Length;
        // One correction pass: the residual sum of (v - mean) carries the division's rounding error.
        double correctionHigh = 0, correctionLow = 0;
        foreach (var v in values) DoubleDouble.Add(ref correctionHigh, ref correctionLow, v - mean);
        return mean + (correctionHigh + correctionLow) / values.Length;
    }

    private static double SumOfSquares(double[] values, double center)
    {
        double high = 0, low = 0;
        foreach (var v in values)
        {
            var d = v - center;
            DoubleDouble.AddProduct(ref high, ref low, d, d);
        }
        return high + low;
    }
}
