using BenchmarkDotNet.Attributes;
using ScalingAnalyzer.Benchmarks.Support;
using ScalingAnalyzer.Runtime;

namespace ScalingAnalyzer.Benchmarks.Scalers;

public enum ElementType { Float32, Float64 }

/// <summary>
/// Fit + transform of <c>float[,]</c> / <c>double[,]</c> by our scalers against the straightforward loops in
/// <see cref="StraightforwardScaling"/>, with <c>Array.Clone()</c> as the memory floor.
/// </summary>
public class ArrayScalerBenchmarks
{
    private float[,] _single = null!;
    private double[,] _double = null!;

    public static IEnumerable<MatrixShape> Shapes => [new(1_000_000, 16), new(10_000_000, 4)];

    [ParamsSource(nameof(Shapes))]
    public MatrixShape Shape { get; set; } = null!;

    [Params(ElementType.Float32, ElementType.Float64)]
    public ElementType Element { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticData.FeatureMatrix(Shape, seed: 7);
        if (Element == ElementType.Float32) _single = SyntheticData.ToFloat(data);
        else _double = data;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _single = null!;
        _double = null!;
    }

    [Benchmark(Baseline = true, Description = "Array.Clone() (memory floor)")]
    public Array Clone() => Element == ElementType.Float32 ? (Array)_single.Clone() : (Array)_double.Clone();

    [Benchmark(Description = "StandardScaler.Fit+Transform")]
    public Array StandardScalerFitTransform() => Element == ElementType.Float32
        ? StandardScaler.Fit(_single).Transform(_single)
        : StandardScaler.Fit(_double).Transform(_double);

    [Benchmark(Description = "straightforward loop: standardize")]
    public Array LoopStandardize() => Element == ElementType.Float32
        ? StraightforwardScaling.Standardize(_single)
        : StraightforwardScaling.Standardize(_double);

    [Benchmark(Description = "MinMaxScaler.Fit+Transform")]
    public Array MinMaxScalerFitTransform() => Element == ElementType.Float32
        ? MinMaxScaler.Fit(_single).Transform(_single)
        : MinMaxScaler.Fit(_double).Transform(_double);

    [Benchmark(Description = "straightforward loop: min-max")]
    public Array LoopMinMax() => Element == ElementType.Float32
        ? StraightforwardScaling.MinMax(_single)
        : StraightforwardScaling.MinMax(_double);
}
