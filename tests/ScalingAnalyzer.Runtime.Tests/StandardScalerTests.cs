using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

public class StandardScalerTests
{
    [Fact]
    public void HandComputedStatisticsAndTransform()
    {
        double[,] x = { { 1, 10 }, { 2, 20 }, { 3, 30 }, { 4, 40 } };
        var scaler = StandardScaler.Fit(x);

        Assert.Equal([2.5, 25.0], scaler.Mean);
        // Population variance of 1..4 is 1.25 (ddof 0), not the sample 5/3.
        Matrices.AssertClose(Math.Sqrt(1.25), scaler.Scale[0], 1e-15);
        Matrices.AssertClose(Math.Sqrt(125.0), scaler.Scale[1], 1e-15);
        Assert.Equal(scaler.Mean, scaler.Offset);
        Assert.Equal(scaler.Scale, scaler.Divisor);
        var expectedFirst = -1.5 / Math.Sqrt(1.25);
        var scaled = scaler.Transform(x);
        Matrices.AssertClose(expectedFirst, scaled[0, 0], 1e-15);
        Matrices.AssertClose(expectedFirst, scaled[0, 1], 1e-15);
        Matrices.AssertClose(-expectedFirst, scaled[3, 1], 1e-15);
    }

    [Fact]
    public void MatchesScikitLearnOnLongley()
    {
        var anchors = SklearnAnchors.Load();
        var x = anchors.Matrix("standard_longley", "X");
        var expectedTransform = anchors.Matrix("standard_longley", "transform");
        var expectedMean = anchors.Vector("standard_longley", "mean_");
        var expectedScale = anchors.Vector("standard_longley", "scale_");

        var fromArray = StandardScaler.Fit(x);
        using var tensor = Tensors.From(x);
        var fromTensor = StandardScaler.Fit(tensor);
        foreach (var scaler in new[] { fromArray, fromTensor })
        {
            for (var j = 0; j < expectedMean.Length; j++)
            {
                Matrices.AssertClose(expectedMean[j], scaler.Mean[j], 1e-14, what: $"mean {j}");
                Matrices.AssertClose(expectedScale[j], scaler.Scale[j], 1e-13, what: $"scale {j}");
            }
        }
        Matrices.AssertClose(expectedTransform, fromArray.Transform(x), 1e-12, 1e-13);
        using var scaledTensor = fromTensor.Transform(tensor);
        Matrices.AssertClose(expectedTransform, Tensors.ToMatrix(scaledTensor), 1e-12, 1e-13);
    }

    [Fact]
    public void ConstantColumnsGetScaleOneAsInScikitLearn()
    {
        var anchors = SklearnAnchors.Load();
        // Column 3 holds a NaN, which scikit-learn skips and this library refuses (tested elsewhere).
        var x = Matrices.Columns(anchors.Matrix("standard_constant_nan", "X"), 0, 1, 2);
        var expectedTransform = Matrices.Columns(anchors.Matrix("standard_constant_nan", "transform"), 0, 1, 2);
        var expectedMean = anchors.Vector("standard_constant_nan", "mean_");
        var expectedScale = anchors.Vector("standard_constant_nan", "scale_");

        var scaler = StandardScaler.Fit(x);

        // Column 0 is exactly constant; column 2 is 1e9 with one value 1 ulp-ish away: its variance is
        // rounding noise by scikit-learn's rule, so it is constant too.
        Assert.Equal(1.0, scaler.Scale[0]);
        Assert.Equal(1.0, scaler.Scale[2]);
        for (var j = 0; j < 3; j++)
        {
            Matrices.AssertClose(expectedMean[j], scaler.Mean[j], 1e-15, what: $"mean {j}");
            Matrices.AssertClose(expectedScale[j], scaler.Scale[j], 1e-15, what: $"scale {j}");
        }
        Matrices.AssertClose(expectedTransform, scaler.Transform(x), 1e-12, 1e-12);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(0.0, scaler.Transform(x)[i, 0]));
    }

    [Fact]
    public void LargeOffsetKeepsItsSpread()
    {
        // 1e9 + noise: the naive E[x²] - E[x]² formula loses every digit here; two-pass does not.
        var random = new Random(7);
        var noise = Enumerable.Range(0, 10_001).Select(_ => random.NextDouble() - 0.5).ToArray();
        var values = noise.Select(v => 1e9 + v).ToArray();
        var exact = Matrices.NaiveTwoPass(values.Select(v => v - 1e9).ToArray());

        var scaler = StandardScaler.Fit(values);

        Matrices.AssertClose(exact.PopulationStd, scaler.Scale[0], 1e-9, what: "std");
        Matrices.AssertClose(1e9 + exact.Mean, scaler.Mean[0], 1e-15, what: "mean");
    }

    [Fact]
    public void NistNumAcc4VarianceIsAsAccurateAsScikitLearn()
    {
        // NumAcc4: 10000000.2, then 10000000.1 and 10000000.3 alternating; n = 1001.
        var anchors = SklearnAnchors.Load();
        var values = new double[1001];
        values[0] = 10000000.2;
        for (var i = 1; i < values.Length; i++) values[i] = i % 2 == 1 ? 10000000.1 : 10000000.3;
        var exactVariance = anchors.Scalar("numacc4_variance", "exact_population_var");
        var sklearnLre = anchors.Scalar("numacc4_variance", "LRE_fit");

        var scaler = StandardScaler.Fit(values);
        var variance = scaler.Scale[0] * scaler.Scale[0];
        var lre = -Math.Log10(Math.Abs(variance - exactVariance) / exactVariance);

        Assert.True(lre >= sklearnLre - 0.05, $"LRE {lre:F2} below scikit-learn's {sklearnLre:F2}");
        using var tensor = torch.tensor(values);
        Assert.Equal(scaler.Scale[0], StandardScaler.Fit(tensor).Scale[0], 15);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(20_000, 3)]
    [InlineData(40_000, 16)]
    [InlineData(7, 1500)]
    [InlineData(900, 1500)]
    public void KernelsAgreeWithTheObviousComputationForEveryShape(int rows, int columns)
    {
        // Shapes cover: tail-only blocks, SIMD patterns of several widths, parallel chunks, and rows too wide for a pattern.
        var random = new Random(rows * 31 + columns);
        var x = Matrices.Random(random, rows, columns, j => 1000.0 * j, j => 1 + j % 5);
        var scaler = StandardScaler.Fit(x);
        var floatScaler = StandardScaler.Fit(Matrices.ToFloat(x));
        var scaled = scaler.Transform(x);
        foreach (var j in new[] { 0, columns / 2, columns - 1 })
        {
            var column = Matrices.Column(x, j);
            var (mean, std) = Matrices.NaiveTwoPass(column);
            Matrices.AssertClose(mean, scaler.Mean[j], 1e-13, 1e-12, $"mean {j}");
            Matrices.AssertClose(std, scaler.Scale[j], 1e-11, what: $"std {j}");
            var (floatMean, floatStd) = Matrices.NaiveTwoPass(column.Select(v => (double)(float)v).ToArray());
            Matrices.AssertClose(floatMean, floatScaler.Mean[j], 1e-13, 1e-12, $"float mean {j}");
            Matrices.AssertClose(floatStd, floatScaler.Scale[j], 1e-10, what: $"float std {j}");
            foreach (var i in new[] { 0, rows / 2, rows - 1 })
                Matrices.AssertClose((x[i, j] - mean) / std, scaled[i, j], 1e-9, 1e-10, $"scaled [{i}, {j}]");
        }
    }
}
