using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using ScalingAnalyzer.Benchmarks.Support;
using ScalingAnalyzer.Runtime;
using TorchSharp;

namespace ScalingAnalyzer.Benchmarks.Regression;

/// <summary>
/// Float64 least squares with an intercept. <c>torch.linalg.lstsq</c> (LAPACK's gelsy inside libtorch, the
/// CPU default) and MathNet's thin QR get the design with its column of ones built beforehand; ours builds it
/// itself, validates the input, refines the solution and computes R² and the residual SE, all inside the call.
/// </summary>
public class LeastSquaresBenchmarks
{
    private double[,] _x = null!;
    private double[] _y = null!;
    private torch.Tensor _xTensor = null!;
    private torch.Tensor _yTensor = null!;
    private torch.Tensor _designTensor = null!;
    private torch.Tensor _targetColumn = null!;
    private Matrix<double> _designMatrix = null!;
    private Vector<double> _targetVector = null!;

    public static IEnumerable<MatrixShape> Shapes => [new(400_000, 50), new(100_000, 20)];

    [ParamsSource(nameof(Shapes))]
    public MatrixShape Shape { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _x = SyntheticData.FeatureMatrix(Shape, seed: 11);
        _y = SyntheticData.LinearTarget(_x, seed: 13);
        _xTensor = torch.tensor(_x, dtype: torch.ScalarType.Float64);
        _yTensor = torch.tensor(_y, dtype: torch.ScalarType.Float64);
        using (var ones = torch.ones(Shape.Rows, 1, dtype: torch.ScalarType.Float64))
            _designTensor = torch.cat([ones, _xTensor], dim: 1).contiguous();
        _targetColumn = _yTensor.reshape(Shape.Rows, 1).contiguous();
        _designMatrix = Matrix<double>.Build.Dense(Shape.Rows, Shape.Columns + 1, (i, j) => j == 0 ? 1.0 : _x[i, j - 1]);
        _targetVector = Vector<double>.Build.DenseOfArray(_y);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _xTensor.Dispose();
        _yTensor.Dispose();
        _designTensor.Dispose();
        _targetColumn.Dispose();
    }

    [Benchmark(Baseline = true, Description = "torch.linalg.lstsq (gelsy)")]
    public double TorchLstsq()
    {
        using var scope = torch.NewDisposeScope();
        var (solution, _, _, _) = torch.linalg.lstsq(_designTensor, _targetColumn);
        return solution[0, 0].item<double>();
    }

    [Benchmark(Description = "LeastSquares.Fit(double[,])")]
    public double LeastSquaresOnArray() => LeastSquares.Fit(_x, _y).Intercept;

    [Benchmark(Description = "LeastSquares.Fit(Tensor)")]
    public double LeastSquaresOnTensor() => LeastSquares.Fit(_xTensor, _yTensor).Intercept;

    [Benchmark(Description = "MathNet thin QR solve")]
    public double MathNetQr() => _designMatrix.QR(QRMethod.Thin).Solve(_targetVector)[0];
}
