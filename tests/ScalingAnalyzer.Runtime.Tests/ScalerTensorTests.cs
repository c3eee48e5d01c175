using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>Tensor-specific behaviour: dtype and device kept, views, autograd inputs, and the torch-operations path.</summary>
public class ScalerTensorTests
{
    public static TheoryData<string, torch.ScalarType> ScalersAndDtypes => new()
    {
        { "standard", torch.ScalarType.Float32 },
        { "standard", torch.ScalarType.Float64 },
        { "minmax", torch.ScalarType.Float32 },
        { "minmax", torch.ScalarType.Float64 },
    };

    private static IColumnScaler FitScaler(string kind, torch.Tensor x) =>
        kind == "standard" ? StandardScaler.Fit(x) : MinMaxScaler.Fit(x, -2, 3);

    [Theory]
    [MemberData(nameof(ScalersAndDtypes))]
    public void OutputKeepsDtypeDeviceAndShapeAndInverts(string kind, torch.ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var x = (torch.rand(500, 3, torch.ScalarType.Float64, generator: new torch.Generator(11)) * torch.tensor(new[] { 1.0, 1000.0, 1e-3 }) + 5)
            .to(dtype);
        var scaler = FitScaler(kind, x);

        var scaled = scaler.Transform(x);
        var restored = scaler.InverseTransform(scaled);

        Assert.Equal(dtype, scaled.dtype);
        Assert.Equal((x.device_type, x.device_index), (scaled.device_type, scaled.device_index));
        Assert.Equal(x.shape, scaled.shape);
        Assert.Equal(dtype, restored.dtype);
        var tolerance = dtype == torch.ScalarType.Float32 ? 1e-6 : 1e-12;
        // Relative to each column's magnitude: a float32 output rounds y = (x - mean) / scale to 2^-24 of |y|,
        // which is ~2^-24 of the column's spread once mapped back, whatever the size of the single value x.
        var relativeError = ((restored - x).abs() / x.abs().amax([0L])).max().ToDouble();
        Assert.True(relativeError < tolerance, $"relative error {relativeError:G3} ≥ {tolerance}");
    }

    [Fact]
    public void OneDimensionalTensorIsOneColumn()
    {
        using var x = torch.tensor(new float[] { 1, 2, 3, 4 });
        var scaler = StandardScaler.Fit(x);
        using var scaled = scaler.Transform(x);

        Assert.Equal(1, scaler.ColumnCount);
        Assert.Equal(new long[] { 4 }, scaled.shape);
        Assert.Equal(2.5, scaler.Mean[0]);
        Assert.Equal(scaler.Transform(new float[] { 1, 2, 3, 4 }), scaled.data<float>().ToArray());
    }

    [Fact]
    public void NonContiguousViewsAreReadCorrectly()
    {
        using var scope = torch.NewDisposeScope();
        var wide = torch.arange(0, 60, dtype: torch.ScalarType.Float64).reshape(3, 20);
        var view = wide.t();   // [20, 3], strided
        var copy = view.contiguous();
        var fromView = StandardScaler.Fit(view);
        var fromCopy = StandardScaler.Fit(copy);

        Assert.False(view.is_contiguous());
        Assert.Equal(fromCopy.Mean, fromView.Mean);
        Assert.Equal(fromCopy.Scale, fromView.Scale);
        Assert.Equal(0.0, (fromCopy.Transform(copy) - fromView.Transform(view)).abs().max().ToDouble());
    }

    [Theory]
    [InlineData(torch.ScalarType.Float32)]
    [InlineData(torch.ScalarType.Float64)]
    public void TorchOperationsPathAgreesWithTheCpuKernels(torch.ScalarType dtype)
    {
        // A tensor that requires grad goes through torch operations, the path every non-CPU device takes;
        // this machine has no GPU, so this is how that path is exercised.
        using var scope = torch.NewDisposeScope();
        var x = (torch.randn(2000, 5, torch.ScalarType.Float64, generator: new torch.Generator(3)) * 40 + 1e4).to(dtype);
        var tracked = x.detach().requires_grad_(true);

        foreach (var kind in new[] { "standard", "minmax" })
        {
            var kernel = FitScaler(kind, x);
            var viaTorch = FitScaler(kind, tracked);
            for (var j = 0; j < 5; j++)
            {
                Matrices.AssertClose(kernel.Offset[j], viaTorch.Offset[j], 1e-13, what: $"{kind} offset {j}");
                Matrices.AssertClose(kernel.Divisor[j], viaTorch.Divisor[j], 1e-11, what: $"{kind} divisor {j}");
            }
            var scaledByKernel = kernel.Transform(x);
            var scaledByTorch = kernel.Transform(tracked);
            Assert.True(scaledByTorch.requires_grad, "the autograd graph is kept for inputs that require grad");
            var difference = (scaledByKernel - scaledByTorch.detach()).abs().max().ToDouble();
            Assert.True(difference <= (dtype == torch.ScalarType.Float32 ? 1e-5 : 1e-12), $"{kind}: paths differ by {difference:G3}");
        }
    }

    [Fact]
    public void StatisticsOfFloat32InputAreAccumulatedInFloat64()
    {
        // 2^24 + small integers: a float32 accumulator would lose the spread entirely.
        var values = Enumerable.Range(0, 100_000).Select(i => (float)(16_777_216 + 2 * (i % 4))).ToArray();
        using var x = torch.tensor(values);
        var scaler = StandardScaler.Fit(x);

        Assert.Equal(16_777_216 + 3.0, scaler.Mean[0]);
        Matrices.AssertClose(Math.Sqrt(5.0), scaler.Scale[0], 1e-14);
    }
}
