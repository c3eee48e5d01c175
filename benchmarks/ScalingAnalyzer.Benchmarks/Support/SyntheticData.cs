namespace ScalingAnalyzer.Benchmarks.Support;

/// <summary>
/// Seeded data with columns of very different location and spread (what the analyzer asks users to scale),
/// so the scalers and solvers work on numbers like a real feature matrix, not on N(0, 1) already.
/// </summary>
internal static class SyntheticData
{
    public static double ColumnScale(int column) => Math.Pow(10, column % 5 - 1);

    public static double ColumnOffset(int column) => 100.0 * column;

    public static double[,] FeatureMatrix(MatrixShape shape, int seed)
    {
        var random = new Random(seed);
        var x = new double[shape.Rows, shape.Columns];
        for (var i = 0; i < shape.Rows; i++)
        for (var j = 0; j < shape.Columns; j++)
            x[i, j] = ColumnOffset(j) + ColumnScale(j) * Normal(random);
        return x;
    }

    public static float[,] ToFloat(double[,] x)
    {
        var result = new float[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
        for (var j = 0; j < x.GetLength(1); j++)
            result[i, j] = (float)x[i, j];
        return result;
    }

    /// <summary>y = 3 + Σ β_j·x_j + noise, with β_j of alternating sign, so every coefficient matters.</summary>
    public static double[] LinearTarget(double[,] x, int seed)
    {
        var random = new Random(seed);
        var y = new double[x.GetLength(0)];
        for (var i = 0; i < y.Length; i++)
        {
            var value = 3.0;
            for (var j = 0; j < x.GetLength(1); j++) value += (j % 2 == 0 ? 1 : -1) * (j + 1) / ColumnScale(j) * x[i, j];
            y[i] = value + Normal(random);
        }
        return y;
    }

    /// <summary>Box–Muller: System.Random has no normal sampler.</summary>
    private static double Normal(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
