using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Regression;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>
/// The row-major to column copy the least-squares input goes through: float64 moves in 4 × 4 register blocks, the edges
/// (rows and columns beyond a multiple of four) and float32 element by element. Shapes here have both edges.
/// </summary>
public class DesignColumnsTests
{
    private const int Rows = 1_003, Columns = 7;

    private static double[,] Matrix(int seed)
    {
        var random = new Random(seed);
        var x = new double[Rows, Columns];
        for (var i = 0; i < Rows; i++)
        for (var j = 0; j < Columns; j++)
            x[i, j] = (random.NextDouble() - 0.5) * Math.Pow(10, j);
        return x;
    }

    [Fact]
    public void EveryElementLandsInItsColumnUnchanged()
    {
        var x = Matrix(1);
        using var doubles = torch.tensor(x);
        using (var design = DesignColumns.FromTensor(doubles, Rows, Columns, "x"))
        {
            for (var j = 0; j < Columns; j++)
                Assert.Equal(Enumerable.Range(0, Rows).Select(i => x[i, j]), design.Columns[j].ToArray());
        }

        using var floats = doubles.to_type(torch.ScalarType.Float32);
        var values = floats.data<float>().ToArray();
        using (var design = DesignColumns.FromTensor(floats, Rows, Columns, "x"))
        {
            for (var j = 0; j < Columns; j++)
                Assert.Equal(Enumerable.Range(0, Rows).Select(i => (double)values[i * Columns + j]), design.Columns[j].ToArray());
        }
    }

    [Fact]
    public void NormsTakenDuringTheCopyAgreeWithTheScaledNormAndSurviveExtremeMagnitudes()
    {
        var x = Matrix(3);
        for (var i = 0; i < Rows; i++)
        {
            x[i, 1] *= 1e200;    // squares overflow: the copy's plain sum cannot be used
            x[i, 4] *= 1e-200;   // squares underflow
            x[i, 5] = i % 3 == 0 ? 1e300 : 0.5;
        }
        using var tensor = torch.tensor(x);
        using var design = DesignColumns.FromTensor(tensor, Rows, Columns, "x");
        for (var j = 0; j < Columns; j++)
        {
            var expected = Householder.Norm(design.Columns[j].Span);
            Assert.True(double.IsFinite(design.Norms[j]) && design.Norms[j] > 0, $"column {j}: {design.Norms[j]:R}");
            Assert.True(Math.Abs(design.Norms[j] - expected) <= 4e-16 * expected * Math.Sqrt(Rows),
                $"column {j}: {design.Norms[j]:R} against {expected:R}");
        }
    }

    [Theory]
    [InlineData(5, 2, "x contains NaN at row 5, column 2")]                   // inside a 4 × 4 block
    [InlineData(1_002, 1, "x contains NaN at row 1002, column 1")]            // the rows after the last block
    [InlineData(17, 6, "x contains positive infinity at row 17, column 6")]   // the columns after the last block
    public void ANonFiniteValueAnywhereIsNamed(int row, int column, string expected)
    {
        var x = Matrix(2);
        x[row, column] = expected.Contains("NaN") ? double.NaN : double.PositiveInfinity;
        var y = new double[Rows];
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Fit(x, y));
        Assert.Contains(expected, error.Message);
    }
}
