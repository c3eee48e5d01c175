using System;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>Every bad input is refused with an ArgumentException that names the problem and where it is.</summary>
public class InputValidationTests
{
    private static void AssertRejected(Action action, params string[] messageParts)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        foreach (var part in messageParts) Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNIsNamedByRowAndColumnInTensorsAndArrays()
    {
        using var tensor = torch.tensor(new double[,] { { 1, 2 }, { 3, 4 }, { 5, double.NaN } });
        AssertRejected(() => StandardScaler.Fit(tensor), "x contains NaN at row 2, column 1");
        AssertRejected(() => MinMaxScaler.Fit(tensor), "NaN at row 2, column 1");
        AssertRejected(() => StandardScaler.Fit(new float[,] { { 1, 2 }, { float.NaN, 4 } }), "NaN at row 1, column 0");
        AssertRejected(() => StandardScaler.Fit(new[] { 1.0, 2, double.PositiveInfinity }), "positive infinity at row 2");
        AssertRejected(() => MinMaxScaler.Fit(new[] { 1f, float.NegativeInfinity }), "negative infinity at row 1");
    }

    [Fact]
    public void NaNIsRefusedByTransformToo()
    {
        var scaler = StandardScaler.Fit(new double[,] { { 1, 2 }, { 3, 5 } });
        AssertRejected(() => scaler.Transform(new double[,] { { 1, 2 }, { 3, double.NaN } }), "NaN at row 1, column 1");
        using var tensor = torch.tensor(new float[,] { { 1, 2 }, { float.PositiveInfinity, 5 } });
        AssertRejected(() => scaler.Transform(tensor), "positive infinity at row 1, column 0");
        AssertRejected(() => scaler.InverseTransform(tensor), "positive infinity at row 1, column 0");
    }

    [Fact]
    public void EmptyInputIsRefused()
    {
        using var noRows = torch.zeros(0, 3);
        using var noColumns = torch.zeros(4, 0);
        AssertRejected(() => StandardScaler.Fit(noRows), "x is empty (shape [0, 3])");
        AssertRejected(() => MinMaxScaler.Fit(noColumns), "x is empty (shape [4, 0])");
        AssertRejected(() => StandardScaler.Fit(Array.Empty<double>()), "x is empty");
        AssertRejected(() => MinMaxScaler.Fit(new float[0, 2]), "x is empty (shape [0, 2])");
        AssertRejected(() => LeastSquares.Fit(Array.Empty<double>(), Array.Empty<double>()), "x is empty");
    }

    [Fact]
    public void RankOtherThanOneOrTwoIsRefused()
    {
        using var cube = torch.zeros(2, 3, 4);
        using var scalar = torch.tensor(1.0f);
        AssertRejected(() => StandardScaler.Fit(cube), "rank 3", "[2, 3, 4]", "1-D [n] or 2-D [n, k]");
        AssertRejected(() => MinMaxScaler.Fit(scalar), "rank 0");
        var scaler = StandardScaler.Fit(new double[] { 1, 2 });
        AssertRejected(() => scaler.Transform(cube), "rank 3");
    }

    [Fact]
    public void IntegerDtypeIsRefused()
    {
        using var integers = torch.tensor(new long[] { 1, 2, 3 });
        using var bytes = torch.tensor(new byte[] { 1, 2, 3 });
        using var halfs = torch.ones(3, torch.ScalarType.Float16);
        AssertRejected(() => StandardScaler.Fit(integers), "integer dtype Int64", "float32 and float64");
        AssertRejected(() => MinMaxScaler.Fit(bytes), "integer dtype Byte");
        AssertRejected(() => StandardScaler.Fit(halfs), "unsupported dtype Float16");
        AssertRejected(() => LeastSquares.Fit(integers, integers), "integer dtype Int64");
    }

    [Fact]
    public void ColumnCountDifferentFromTheFitIsRefused()
    {
        var scaler = StandardScaler.Fit(new double[,] { { 1, 2, 3 }, { 4, 5, 7 } });
        AssertRejected(() => scaler.Transform(new double[,] { { 1, 2 } }), "x has 2 column(s)", "fitted on 3 column(s)");
        AssertRejected(() => scaler.InverseTransform(new float[] { 1, 2 }), "x has 1 column(s)", "fitted on 3");
        using var tensor = torch.ones(5, 4);
        AssertRejected(() => scaler.Transform(tensor), "x has 4 column(s) (shape [5, 4])", "fitted on 3");
    }

    [Fact]
    public void LengthsThatDifferAreRefused()
    {
        AssertRejected(() => LeastSquares.Fit(new double[] { 1, 2, 3 }, new double[] { 1, 2 }), "x has 3 rows but y has 2");
        using var x = torch.ones(5, 2);
        using var y = torch.ones(4);
        AssertRejected(() => LeastSquares.Fit(x, y), "x has 5 rows but y has 4");
        using var twoTargets = torch.ones(5, 2);
        AssertRejected(() => LeastSquares.Fit(x, twoTargets), "y has shape [5, 2]", "one target");
    }

    [Fact]
    public void LeastSquaresNamesNonFiniteValues()
    {
        AssertRejected(() => LeastSquares.Fit(new double[,] { { 1, 2 }, { 3, double.NaN }, { 4, 4 }, { 5, 1 } }, new double[] { 1, 2, 3, 4 }),
            "x contains NaN at row 1, column 1");
        AssertRejected(() => LeastSquares.Fit(new double[] { 1, 2, 3 }, new[] { 1, double.NegativeInfinity, 3 }),
            "y contains negative infinity at row 1");
        using var x = torch.tensor(new float[] { 1, 2, float.NaN });
        using var y = torch.tensor(new float[] { 1, 2, 3 });
        AssertRejected(() => LeastSquares.Fit(x, y), "x contains NaN at row 2");
    }

    [Fact]
    public void LeastSquaresNamesTheFirstNonFiniteValueOfALargeTensor()
    {
        // Large enough to be copied in parallel chunks: the error must still name the first bad value in row order.
        using var scope = torch.NewDisposeScope();
        var x = torch.rand(30_000, 10, torch.ScalarType.Float64, generator: new torch.Generator(5));
        var y = torch.rand(30_000, torch.ScalarType.Float64, generator: new torch.Generator(6));
        x[29_000, 0] = torch.tensor(double.NaN);
        x[12_345, 9] = torch.tensor(double.NegativeInfinity);
        AssertRejected(() => LeastSquares.Fit(x, y), "x contains negative infinity at row 12345, column 9");
        AssertRejected(() => LeastSquares.Fit(x.to(torch.ScalarType.Float32), y), "x contains negative infinity at row 12345, column 9");
        x[12_345, 9] = torch.tensor(1.0);
        x[29_000, 0] = torch.tensor(1.0);
        y[17] = torch.tensor(double.PositiveInfinity);
        AssertRejected(() => LeastSquares.Fit(x, y), "y contains positive infinity at row 17 ");
        AssertRejected(() => LeastSquares.Fit(x, y.reshape(-1, 1)), "y contains positive infinity at row 17, column 0");
    }

    [Fact]
    public void TooFewRowsAreRefused()
    {
        AssertRejected(() => LeastSquares.Fit(new double[,] { { 1, 2 }, { 3, 5 } }, new double[] { 1, 2 }),
            "x has 2 row(s) but the model has 3 coefficient(s) (2 column(s) + intercept)");
    }

    [Fact]
    public void InvalidMinMaxRangeIsRefused()
    {
        AssertRejected(() => MinMaxScaler.Fit(new double[] { 1, 2 }, 1, 1), "target range [1, 1] is invalid");
        AssertRejected(() => MinMaxScaler.Fit(new double[] { 1, 2 }, 0, double.NaN), "is invalid");
    }

    [Fact]
    public void NullInputIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => StandardScaler.Fit((double[])null!));
        Assert.Throws<ArgumentNullException>(() => MinMaxScaler.Fit((torch.Tensor)null!));
        Assert.Throws<ArgumentNullException>(() => LeastSquares.Fit((double[,])null!, new double[] { 1 }));
    }

    [Fact]
    public void DisposedTensorIsRefused()
    {
        var x = torch.ones(3);
        x.Dispose();
        AssertRejected(() => StandardScaler.Fit(x), "x has already been disposed");
    }
}
