using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Regression;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>The blocked (TSQR) factorization that tall least-squares problems take, against one Householder QR.</summary>
public class TallSkinnyQrTests
{
    private const int Rows = 9_000, Columns = 7;

    private static double[][] TallColumns(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Columns)
            .Select(j => Enumerable.Range(0, Rows).Select(_ => 100.0 * j + Math.Pow(10, j % 3) * random.NextDouble()).ToArray())
            .ToArray();
    }

    [Fact]
    public void TallProblemsTakeTheBlockedPathAndNistSizedOnesDoNot()
    {
        Assert.True(TallSkinnyQr.IsWorthwhile(Rows, Columns));
        Assert.False(TallSkinnyQr.IsWorthwhile(82, 11));
    }

    [Fact]
    public void SamePivotsAndRDiagonalAsOneHouseholderQr()
    {
        var columns = TallColumns(3);
        var blocked = new TallSkinnyQr(columns);
        var single = new PivotedHouseholderQr(columns.Select(c => (double[])c.Clone()).ToArray());

        Assert.Equal(single.Permutation, blocked.Permutation);
        for (var k = 0; k < Columns; k++)
        {
            var expected = Math.Abs(single.DiagonalOfR(k));
            Assert.True(Math.Abs(Math.Abs(blocked.DiagonalOfR(k)) - expected) <= 1e-12 * expected,
                $"|R[{k},{k}]|: blocked {blocked.DiagonalOfR(k):R}, single {single.DiagonalOfR(k):R}");
        }
    }

    [Fact]
    public void QIsOrthogonalAndItsFirstColumnsSpanA()
    {
        var columns = TallColumns(5);
        var qr = new TallSkinnyQr(columns);
        var random = new Random(6);
        var v = Enumerable.Range(0, Rows).Select(_ => random.NextDouble() - 0.5).ToArray();
        var roundTrip = (double[])v.Clone();
        qr.ApplyTransposeOfQ(roundTrip);
        var norm = Math.Sqrt(v.Sum(e => e * e));
        Assert.True(Math.Abs(Math.Sqrt(roundTrip.Sum(e => e * e)) - norm) <= 1e-13 * norm, "Qᵀ keeps the norm");
        qr.ApplyQ(roundTrip);
        Assert.True(v.Zip(roundTrip, (a, b) => Math.Abs(a - b)).Max() <= 1e-14, "Q·Qᵀ·v = v");

        // A column of A has no component outside the first p coordinates of Qᵀ·A.
        var image = (double[])columns[4].Clone();
        qr.ApplyTransposeOfQ(image);
        var columnNorm = Math.Sqrt(columns[4].Sum(e => e * e));
        Assert.True(image.Skip(Columns).Max(Math.Abs) <= 1e-12 * columnNorm);
    }

    [Fact]
    public void TheTargetCarriedThroughTheFactorizationIsProjectedExactlyAsByQTransposedAfterwards()
    {
        var columns = TallColumns(7);
        var random = new Random(8);
        var y = Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 1000).ToArray();
        var original = (double[])y.Clone();

        var qr = new TallSkinnyQr(Array.ConvertAll(columns, column => new ReadOnlyMemory<double>(column)), columnScale: null, y);
        var afterwards = (double[])y.Clone();
        qr.ApplyTransposeOfQ(afterwards);

        Assert.Equal(original, y);
        Assert.Equal(afterwards.Take(Columns), qr.ProjectedTarget());
    }

    [Fact]
    public void DependentColumnOfATallMatrixIsNamed()
    {
        const int n = 12_000;
        var x = new double[n, 3];
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = i % 97;
            x[i, 1] = i % 13;
            x[i, 2] = 3 * x[i, 0] - x[i, 1];
        }
        var y = Enumerable.Range(0, n).Select(i => (double)(i % 7)).ToArray();
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Fit(x, y));
        Assert.Contains("x is rank-deficient (numerical rank 3 of 4)", error.Message);
        Assert.Matches("column [012] is a linear combination of the other columns", error.Message);
    }
}
