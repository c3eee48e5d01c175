using BenchmarkDotNet.Attributes;
using ScalingAnalyzer.Benchmarks.Support;
using ScalingAnalyzer.Runtime;
using TorchSharp;

namespace ScalingAnalyzer.Benchmarks.Scalers;

/// <summary>
/// Fit + transform of a float32 tensor by our scalers, against the one-line TorchSharp expressions a user
/// would write and against <c>clone()</c>, which reads and writes the tensor once: no scaler can beat it.
/// Every result is disposed inside the measured call, so native memory does not pile up across iterations.
/// </summary>
public class TensorScalerBenchmarks
{
    private torch.Tensor _x = null!;

    public static IEnumerable<MatrixShape> Shapes => [new(1_000_000, 16), new(10_000_000, 4)];

    [ParamsSource(nameof(Shapes))]
    public MatrixShape Shape { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator(12345);
        var columns = Enumerable.Range(0, Shape.Columns)
            .Select(j => torch.randn(Shape.Rows, generator: generator) * SyntheticData.ColumnScale(j) + SyntheticData.ColumnOffset(j))
            .ToArray();
        _x = torch.stack(columns, dim: 1).to(torch.ScalarType.Float32).contiguous().MoveToOuterDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup() => _x.Dispose();

    [Benchmark(Baseline = true, Description = "X.clone() (memory floor)")]
    public long Clone()
    {
        using var copy = _x.clone();
        return copy.shape[0];
    }

    [Benchmark(Description = "StandardScaler.Fit+Transform")]
    public long StandardScalerFitTransform()
    {
        using var scaled = StandardScaler.Fit(_x).Transform(_x);
        return scaled.shape[0];
    }

    /// <summary>The fit alone reads X once: what it costs beside the transform shows how near the fused floor we are.</summary>
    [Benchmark(Description = "StandardScaler.Fit only")]
    public int StandardScalerFit() => StandardScaler.Fit(_x).ColumnCount;

    [Benchmark(Description = "naive (X - X.mean(0)) / X.std(0)")]
    public long NaiveStandardize()
    {
        using var scope = torch.NewDisposeScope();
        var scaled = (_x - _x.mean([0L])) / _x.std(0);
        return scaled.shape[0];
    }

    [Benchmark(Description = "MinMaxScaler.Fit+Transform")]
    public long MinMaxScalerFitTransform()
    {
        using var scaled = MinMaxScaler.Fit(_x).Transform(_x);
        return scaled.shape[0];
    }

    [Benchmark(Description = "MinMaxScaler.Fit only")]
    public int MinMaxScalerFit() => MinMaxScaler.Fit(_x).ColumnCount;

    [Benchmark(Description = "naive (X - min) / (max - min)")]
    public long NaiveMinMax()
    {
        using var scope = torch.NewDisposeScope();
        var min = _x.amin([0L]);
        var scaled = (_x - min) / (_x.amax([0L]) - min);
        return scaled.shape[0];
    }
}
