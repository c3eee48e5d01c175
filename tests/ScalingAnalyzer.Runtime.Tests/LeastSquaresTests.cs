using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

public class LeastSquaresTests
{
    [Fact]
    public void HandComputedLineWithIntercept()
    {
        // y = 1 + 2x with residuals +1, -1, -1, +1: SSR = 4, SST = 24, RSE = √(4 / 2).
        double[] x = [0, 1, 2, 3];
        double[] y = [2, 2, 4, 8];
        var fit = LeastSquares.Fit(x, y);

        Matrices.AssertClose(2.0, fit.Coefficients[0], 1e-15);
        Matrices.AssertClose(1.0, fit.Intercept, 1e-15, 1e-15);
        Matrices.AssertClose(1 - 4.0 / 24, fit.RSquared, 1e-15);
        Matrices.AssertClose(Math.Sqrt(2), fit.ResidualStandardError, 1e-15);
        Assert.Equal(4, fit.Observations);
        Matrices.AssertClose(fit.Intercept + 2 * 1.5, fit.Predict([1.5]), 1e-15);
    }

    [Fact]
    public void WithoutInterceptRSquaredIsUncentered()
    {
        double[] x = [1, 2, 3];
        double[] y = [2, 4, 7];
        var fit = LeastSquares.Fit(x, y, fitIntercept: false);

        var slope = (2 + 8 + 21) / 14.0;
        Matrices.AssertClose(slope, fit.Coefficients[0], 1e-15);
        Assert.Equal(0.0, fit.Intercept);
        var ssr = y.Select((v, i) => Math.Pow(v - slope * x[i], 2)).Sum();
        Matrices.AssertClose(1 - ssr / y.Sum(v => v * v), fit.RSquared, 1e-14);
        Matrices.AssertClose(Math.Sqrt(ssr / 2), fit.ResidualStandardError, 1e-13);
    }

    [Fact]
    public void ExactlyDeterminedFitHasNoResidualStandardError()
    {
        var fit = LeastSquares.Fit(new double[] { 1, 2 }, new double[] { 3, 5 });
        Assert.True(double.IsNaN(fit.ResidualStandardError));
        Assert.Equal(1.0, fit.RSquared);
    }

    [Fact]
    public void TensorAndArrayFormsAgree()
    {
        var data = NistDataset.Load("Longley");
        var design = data.DesignWithoutIntercept();
        var fromArray = LeastSquares.Fit(design, data.Y);
        using var x = torch.tensor(design);
        using var y = torch.tensor(data.Y).reshape(-1, 1);
        var fromTensor = LeastSquares.Fit(x, y);

        Assert.Equal(fromArray.Coefficients, fromTensor.Coefficients);
        Assert.Equal(fromArray.Intercept, fromTensor.Intercept);
        Assert.Equal(fromArray.RSquared, fromTensor.RSquared);
        using var x32 = x.to(torch.ScalarType.Float32);
        using var y32 = torch.tensor(data.Y.Select(v => (float)v).ToArray());
        Assert.Equal(7, LeastSquares.Fit(x32, y32).Coefficients.Count + 1);
    }

    [Fact]
    public void TensorViewsAndAutogradInputsGiveTheArrayFormsAnswer()
    {
        // The tensor form reads storage directly: a transposed view and a tensor in an autograd graph must
        // give exactly the answer of the array with the same values.
        using var scope = torch.NewDisposeScope();
        var random = new Random(21);
        var design = Matrices.Random(random, 40_000, 8, j => 10.0 * j, j => 1 + j);
        var target = Enumerable.Range(0, 40_000).Select(i => 3 + 0.5 * design[i, 2] - design[i, 7] + random.NextDouble()).ToArray();
        var fromArray = LeastSquares.Fit(design, target);

        var transposedView = torch.tensor(design).t().contiguous().t();
        var tracked = torch.tensor(design).requires_grad_(true);
        Assert.False(transposedView.is_contiguous());
        foreach (var x in new[] { transposedView, tracked })
        {
            var fromTensor = LeastSquares.Fit(x, torch.tensor(target));
            Assert.Equal(fromArray.Coefficients, fromTensor.Coefficients);
            Assert.Equal(fromArray.Intercept, fromTensor.Intercept);
            Assert.Equal(fromArray.ResidualStandardError, fromTensor.ResidualStandardError);
        }
    }

    [Fact]
    public void DuplicatedColumnIsNamedAsRankDeficient()
    {
        var x = new double[6, 3];
        for (var i = 0; i < 6; i++)
        {
            x[i, 0] = i;
            x[i, 1] = i * i;
            x[i, 2] = 2 * i - 0.5 * i * i;   // = 2·column 0 - 0.5·column 1
        }
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Fit(x, [1, 3, 2, 5, 4, 6]));
        Assert.Contains("x is rank-deficient (numerical rank 3 of 4)", error.Message);
        // Which of the three dependent columns is named depends on the pivoting; one of them must be.
        Assert.Matches("column [012] is a linear combination of the other columns", error.Message);
        Assert.Contains("max(n, p)·eps", error.Message);
    }

    [Fact]
    public void ConstantColumnWithInterceptIsNamed()
    {
        double[,] x = { { 1, 7 }, { 2, 7 }, { 3, 7 }, { 4, 7 } };
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Fit(x, [1, 2, 3, 5]));
        Assert.Contains("a constant column duplicates the intercept", error.Message);
        Assert.Matches("(column 1|the intercept) is a linear combination", error.Message);
        // Without an intercept the same constant column is a legitimate regressor.
        Assert.Equal(2, LeastSquares.Fit(x, [1, 2, 3, 5], fitIntercept: false).Coefficients.Count);
    }

    [Fact]
    public void AllZeroColumnIsNamed()
    {
        double[,] x = { { 1, 0 }, { 2, 0 }, { 3, 0 } };
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Fit(x, [1, 2, 4]));
        Assert.Contains("column 1 is all zeros", error.Message);
    }

    [Fact]
    public void LargeProblemMatchesAKnownModel()
    {
        // Enough rows to take the parallel reflector and residual paths.
        const int n = 20_000, k = 8;
        var random = new Random(9);
        var x = Matrices.Random(random, n, k, j => 10.0 * j, j => 1 + j);
        var beta = Enumerable.Range(0, k).Select(j => j - 3.5).ToArray();
        var y = Enumerable.Range(0, n).Select(i => 4 + Enumerable.Range(0, k).Sum(j => beta[j] * x[i, j])).ToArray();
        var fit = LeastSquares.Fit(x, y);
        for (var j = 0; j < k; j++) Matrices.AssertClose(beta[j], fit.Coefficients[j], 1e-12, 1e-12, $"β{j}");
        Matrices.AssertClose(4, fit.Intercept, 1e-11, what: "intercept");
        Assert.Equal(1.0, fit.RSquared, 12);
    }
}
