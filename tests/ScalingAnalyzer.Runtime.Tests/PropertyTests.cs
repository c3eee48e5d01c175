using System;
using System.Linq;
using CsCheck;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>Properties checked on generated data with CsCheck (seeded by CsCheck; a failure prints its seed).</summary>
public class PropertyTests
{
    /// <summary>A matrix whose columns have their own centre and spread over many orders of magnitude.</summary>
    private static readonly Gen<double[,]> Matrix =
        from rows in Gen.Int[2, 40]
        from columns in Gen.Int[1, 6]
        from centers in Gen.Double[-1e6, 1e6].Array[columns]
        from spreadExponents in Gen.Int[-3, 4].Array[columns]
        from unit in Gen.Double[-1, 1].Array[rows * columns]
        select Build(rows, columns, (i, j) => centers[j] + Math.Pow(10, spreadExponents[j]) * unit[i * columns + j]);

    private static double[,] Build(int rows, int columns, Func<int, int, double> value)
    {
        var result = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            result[i, j] = value(i, j);
        return result;
    }

    private static double ColumnMagnitude(double[,] x, int j) =>
        Enumerable.Range(0, x.GetLength(0)).Max(i => Math.Abs(x[i, j]));

    [Fact]
    public void InverseOfTransformIsTheInput()
    {
        Matrix.Sample(x =>
        {
            foreach (IColumnScaler scaler in new IColumnScaler[] { StandardScaler.Fit(x), MinMaxScaler.Fit(x, -3, 2) })
            {
                var restored = scaler.InverseTransform(scaler.Transform(x));
                var restored32 = scaler.InverseTransform(scaler.Transform(Matrices.ToFloat(x)));
                var x32 = Matrices.ToFloat(x);
                for (var j = 0; j < x.GetLength(1); j++)
                {
                    // Relative to the column's magnitude, or the map's own when larger: a constant column
                    // of 1e-14 mapped onto [-3, 2] goes through an offset near 0.6, whose ulp bounds the round trip.
                    var magnitude = Math.Max(ColumnMagnitude(x, j), Math.Max(Math.Abs(scaler.Offset[j]), scaler.Divisor[j]));
                    for (var i = 0; i < x.GetLength(0); i++)
                    {
                        Assert.True(Math.Abs(restored[i, j] - x[i, j]) <= 1e-12 * magnitude, $"float64 [{i},{j}]");
                        Assert.True(Math.Abs(restored32[i, j] - x32[i, j]) <= 1e-6 * magnitude, $"float32 [{i},{j}]");
                    }
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void TensorAndArrayPathsAgree()
    {
        Matrix.Sample(x =>
        {
            using var scope = torch.NewDisposeScope();
            var tensor = torch.tensor(x);
            var tracked = torch.tensor(x).requires_grad_(true);   // forces the torch-operations path
            var fromArray = StandardScaler.Fit(x);
            var fromTensor = StandardScaler.Fit(tensor);
            var fromTorchOps = StandardScaler.Fit(tracked);
            var arrayMinMax = MinMaxScaler.Fit(x);
            var tensorMinMax = MinMaxScaler.Fit(tracked);
            for (var j = 0; j < x.GetLength(1); j++)
            {
                Assert.Equal(fromArray.Mean[j], fromTensor.Mean[j]);
                Assert.Equal(fromArray.Scale[j], fromTensor.Scale[j]);
                Matrices.AssertClose(fromArray.Mean[j], fromTorchOps.Mean[j], 1e-14, 1e-9 * ColumnMagnitude(x, j), $"mean {j}");
                Matrices.AssertClose(fromArray.Scale[j], fromTorchOps.Scale[j], 1e-9, 0, $"scale {j}");
                Assert.Equal(arrayMinMax.DataMin[j], tensorMinMax.DataMin[j]);
                Assert.Equal(arrayMinMax.DataMax[j], tensorMinMax.DataMax[j]);
            }
            Assert.Equal(fromArray.Transform(x), Tensors.ToMatrix(fromArray.Transform(tensor)));
        }, iter: 100);
    }

    [Fact]
    public void LeastSquaresPredictionsDoNotChangeWhenFeaturesAreRescaled()
    {
        var problem =
            from k in Gen.Int[1, 4]
            from extraRows in Gen.Int[3, 30]
            from values in Gen.Double[-10, 10].Array[(k + extraRows) * (k + 1)]
            from factors in Gen.Double[-3, 3].Array[k]
            select (k, rows: k + extraRows, values, factors: factors.Select(e => Math.Pow(10, e) * (e < 0 ? -1 : 1)).ToArray());
        problem.Sample(p =>
        {
            var x = Build(p.rows, p.k, (i, j) => p.values[i * (p.k + 1) + j]);
            var y = Enumerable.Range(0, p.rows).Select(i => p.values[i * (p.k + 1) + p.k]).ToArray();
            var rescaled = Build(p.rows, p.k, (i, j) => x[i, j] * p.factors[j]);
            var original = LeastSquares.Fit(x, y);
            var onRescaled = LeastSquares.Fit(rescaled, y);
            var spread = y.Max() - y.Min() + 1;
            for (var i = 0; i < p.rows; i++)
            {
                var row = Enumerable.Range(0, p.k).Select(j => x[i, j]).ToArray();
                var rescaledRow = Enumerable.Range(0, p.k).Select(j => rescaled[i, j]).ToArray();
                Matrices.AssertClose(original.Predict(row), onRescaled.Predict(rescaledRow), 0, 1e-9 * spread, $"row {i}");
            }
            Matrices.AssertClose(original.RSquared, onRescaled.RSquared, 0, 1e-10, "R²");
        }, iter: 200);
    }
}
