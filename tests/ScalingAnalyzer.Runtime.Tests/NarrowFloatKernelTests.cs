using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>
/// float32 data whose rows have 1, 2, 4, 8 or 16 columns takes the register-resident kernels; these cases aim at
/// what those kernels do differently: one read per block centered on the previous block's mean, a float32
/// first estimate, NaN found by a mask, and lanes left over at the end of a chunk.
/// </summary>
public class NarrowFloatKernelTests
{
    [Theory]
    [InlineData(70_003, 1)]
    [InlineData(70_003, 4)]
    [InlineData(70_003, 16)]
    [InlineData(9, 16)]
    public void JumpsBetweenBlocksAndAnOutlyingFirstRowKeepFullAccuracy(int rows, int columns)
    {
        // The first row (the shift) is far out, and every column jumps by 1e5 a third of the way through and
        // back below zero at two thirds: each jump lands a block's center far from its data.
        var random = new Random(rows + columns);
        var x = new float[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            var level = i == 0 ? 1e6 : i < rows / 3 ? 0.0 : i < 2 * rows / 3 ? 1e5 + 1000 * j : -3e4;
            x[i, j] = (float)(level + (1 + j) * (2 * random.NextDouble() - 1));
        }
        using var tensor = torch.tensor(x);
        var fromArray = StandardScaler.Fit(x);
        var fromTensor = StandardScaler.Fit(tensor);
        for (var j = 0; j < columns; j++)
        {
            var (mean, std) = CompensatedTwoPass(Enumerable.Range(0, rows).Select(i => (double)x[i, j]).ToArray());
            Matrices.AssertClose(mean, fromArray.Mean[j], 1e-14, 1e-12, $"mean {j}");
            Matrices.AssertClose(std, fromArray.Scale[j], 1e-12, what: $"std {j}");
            Assert.Equal(fromArray.Mean[j], fromTensor.Mean[j]);
            Assert.Equal(fromArray.Scale[j], fromTensor.Scale[j]);
        }
    }

    [Fact]
    public void ValuesNearTheFloat32LimitFallBackToFloat64Sums()
    {
        // x - shift overflows float32 here; the statistics must still be those of the data, not an error.
        var x = new float[1000, 16];
        for (var i = 0; i < 1000; i++)
        for (var j = 0; j < 16; j++)
            x[i, j] = i % 2 == 0 ? 3e38f : -3e38f;
        using var tensor = torch.tensor(x);
        var scaler = StandardScaler.Fit(tensor);
        var minMax = MinMaxScaler.Fit(tensor);
        for (var j = 0; j < 16; j++)
        {
            Assert.Equal(0.0, scaler.Mean[j]);
            Matrices.AssertClose(3e38f, scaler.Scale[j], 1e-14, what: $"std {j}");
            Assert.Equal(-3e38f, minMax.DataMin[j]);
            Assert.Equal(3e38f, minMax.DataMax[j]);
        }
    }

    [Theory]
    [InlineData(1000, 16, 777, 5)]    // inside the vector loop
    [InlineData(1001, 4, 1000, 2)]    // the last row: lanes left over after the last whole pair of vectors
    [InlineData(70_000, 16, 69_999, 15)]
    [InlineData(3, 1, 1, 0)]          // fewer values than one vector
    public void NonFiniteValuesAreNamedByRowAndColumn(int rows, int columns, int badRow, int badColumn)
    {
        foreach (var (bad, words) in new[] { (float.NaN, "NaN"), (float.PositiveInfinity, "positive infinity"), (float.NegativeInfinity, "negative infinity") })
        {
            var x = new float[rows, columns];
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                x[i, j] = i + j;
            x[badRow, badColumn] = bad;
            using var tensor = torch.tensor(x);
            var where = columns == 1 ? $"at row {badRow}, column 0" : $"at row {badRow}, column {badColumn}";
            foreach (var fit in new Action[] { () => StandardScaler.Fit(tensor), () => MinMaxScaler.Fit(tensor), () => StandardScaler.Fit(x), () => MinMaxScaler.Fit(x) })
            {
                var error = Assert.ThrowsAny<ArgumentException>(fit);
                Assert.Contains($"x contains {words} {where}", error.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Neumaier-summed two-pass statistics: a reference that does not itself lose digits over 70 000 values.</summary>
    private static (double Mean, double PopulationStd) CompensatedTwoPass(double[] values)
    {
        var mean = Neumaier(values) / values.Length;
        mean += Neumaier(values.Select(v => v - mean)) / values.Length;
        var m2 = Neumaier(values.Select(v => (v - mean) * (v - mean)));
        return (mean, Math.Sqrt(m2 / values.Length));
    }

    private static double Neumaier(System.Collections.Generic.IEnumerable<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (var v in values)
        {
            var total = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - total) + v : (v - total) + sum;
            sum = total;
        }
        return sum + compensation;
    }
}
