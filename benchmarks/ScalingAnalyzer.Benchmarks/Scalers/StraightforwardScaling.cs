using System.Numerics;

namespace ScalingAnalyzer.Benchmarks.Scalers;

/// <summary>
/// What a careful user writes without a library: a mean pass, a deviation pass (two-pass variance, sums in
/// double so float32 input keeps its accuracy), then a transform pass, row by row over the 2-D array.
/// </summary>
internal static class StraightforwardScaling
{
    public static T[,] Standardize<T>(T[,] x) where T : INumber<T>
    {
        int rows = x.GetLength(0), columns = x.GetLength(1);
        var mean = new double[columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            mean[j] += double.CreateTruncating(x[i, j]);
        for (var j = 0; j < columns; j++) mean[j] /= rows;

        var sumOfSquares = new double[columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            var d = double.CreateTruncating(x[i, j]) - mean[j];
            sumOfSquares[j] += d * d;
        }
        var offset = new T[columns];
        var divisor = new T[columns];
        for (var j = 0; j < columns; j++)
        {
            var std = Math.Sqrt(sumOfSquares[j] / rows);
            offset[j] = T.CreateTruncating(mean[j]);
            divisor[j] = T.CreateTruncating(std == 0 ? 1 : std);
        }
        return Apply(x, offset, divisor);
    }

    public static T[,] MinMax<T>(T[,] x) where T : INumber<T>
    {
        int rows = x.GetLength(0), columns = x.GetLength(1);
        var min = new T[columns];
        var max = new T[columns];
        for (var j = 0; j < columns; j++) min[j] = max[j] = x[0, j];
        for (var i = 1; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            var value = x[i, j];
            if (value < min[j]) min[j] = value;
            if (value > max[j]) max[j] = value;
        }
        var divisor = new T[columns];
        for (var j = 0; j < columns; j++)
        {
            var range = max[j] - min[j];
            divisor[j] = range == T.Zero ? T.One : range;
        }
        return Apply(x, min, divisor);
    }

    private static T[,] Apply<T>(T[,] x, T[] offset, T[] divisor) where T : INumber<T>
    {
        int rows = x.GetLength(0), columns = x.GetLength(1);
        var result = new T[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            result[i, j] = (x[i, j] - offset[j]) / divisor[j];
        return result;
    }
}
