using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

public class MinMaxScalerTests
{
    [Fact]
    public void HandComputedDefaultRange()
    {
        double[] x = [10, 30, 20, 50];
        var scaler = MinMaxScaler.Fit(x);

        Assert.Equal([10.0], scaler.DataMin);
        Assert.Equal([50.0], scaler.DataMax);
        Assert.Equal((0.0, 1.0), (scaler.RangeMin, scaler.RangeMax));
        Assert.Equal([0.0, 0.5, 0.25, 1.0], scaler.Transform(x));
        Assert.Equal(x, scaler.InverseTransform(scaler.Transform(x)));
    }

    [Fact]
    public void MatchesScikitLearnWithRangeMinusOneToOne()
    {
        var anchors = SklearnAnchors.Load();
        var x = anchors.Matrix("minmax", "X");
        var range = anchors.Vector("minmax", "feature_range");
        var test = anchors.Matrix("minmax", "X_test");

        var scaler = MinMaxScaler.Fit(x, range[0], range[1]);

        Assert.Equal(anchors.Vector("minmax", "data_min_"), scaler.DataMin);
        Assert.Equal(anchors.Vector("minmax", "data_max_"), scaler.DataMax);
        Matrices.AssertClose(anchors.Matrix("minmax", "transform_train"), scaler.Transform(x), 1e-15, 1e-15);
        // Not clipped: values outside the fitted range land outside [-1, 1], as scikit-learn's default.
        Matrices.AssertClose(anchors.Matrix("minmax", "transform_test"), scaler.Transform(test), 1e-15, 1e-15);
        Matrices.AssertClose(anchors.Matrix("minmax", "inverse_of_transform_test"), scaler.InverseTransform(scaler.Transform(test)), 1e-15, 1e-15);
        using var tensor = Tensors.From(x, torch.ScalarType.Float32);
        using var scaledTensor = MinMaxScaler.Fit(tensor, range[0], range[1]).Transform(tensor);
        Matrices.AssertClose(anchors.Matrix("minmax", "transform_train"), Tensors.ToMatrix(scaledTensor), 1e-6, 1e-6);
    }

    [Fact]
    public void ConstantColumnMapsToTheLowEndOfTheRange()
    {
        double[,] x = { { 5, 1 }, { 5, 2 }, { 5, 3 } };
        var scaler = MinMaxScaler.Fit(x, rangeMin: 2, rangeMax: 4);

        var scaled = scaler.Transform(x);
        for (var i = 0; i < 3; i++) Assert.Equal(2.0, scaled[i, 0]);
        Assert.Equal([2.0, 3.0, 4.0], new[] { scaled[0, 1], scaled[1, 1], scaled[2, 1] });
        Assert.Equal(x, scaler.InverseTransform(scaled));
    }

    [Theory]
    [InlineData(30_000, 5)]
    [InlineData(5, 3000)]
    [InlineData(100_000, 1)]
    public void KernelAgreesWithTheObviousComputation(int rows, int columns)
    {
        var random = new System.Random(rows + columns);
        var x = Matrices.Random(random, rows, columns, j => -50.0 * j, j => 3 + j % 7);
        var scaler = MinMaxScaler.Fit(Matrices.ToFloat(x));
        foreach (var j in new[] { 0, columns / 2, columns - 1 })
        {
            var column = System.Linq.Enumerable.Select(Matrices.Column(x, j), v => (double)(float)v);
            Assert.Equal(System.Linq.Enumerable.Min(column), scaler.DataMin[j]);
            Assert.Equal(System.Linq.Enumerable.Max(column), scaler.DataMax[j]);
        }
    }
}
