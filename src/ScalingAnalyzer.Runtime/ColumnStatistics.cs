using System;
using System.Numerics;
using ScalingAnalyzer.Runtime.Kernels;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>Per-column statistics of validated input, whatever its container: tensor on any device or array.</summary>
internal static class ColumnStatistics
{
    internal readonly record struct Moments(double[] Mean, double[] Variance, long Count);

    public static unsafe Moments MomentsOf(torch.Tensor x)
    {
        const string name = "x";
        var (rows, columns) = InputGuard.CheckTensor(x, name);
        using var scope = torch.NewDisposeScope();
        if (TensorMemory.CanUseCpuKernels(x))
        {
            var source = x.is_contiguous() ? x : x.contiguous();
            ColumnMoments moments;
            fixed (byte* data = source.bytes)
            {
                moments = source.dtype == torch.ScalarType.Float32
                    ? ColumnMomentsKernel.Compute((float*)data, rows, columns)
                    : ColumnMomentsKernel.Compute((double*)data, rows, columns);
            }
            return Finish(moments.Mean, moments.M2, rows, () => TensorMemory.ThrowIfNonFinite(source, name, columns), name);
        }

        // Other devices: the same two-pass statistics with torch operations, in float64 on the tensor's device.
        // Shifted by the first row, as the CPU kernel: keeps a large common offset out of the rounding.
        var values = x.detach().to(torch.ScalarType.Float64).reshape(rows, columns);
        var shift = values[0];
        var shifted = values - shift;
        var mean = shifted.mean([0L]);
        var deviations = shifted - mean;
        var deviationSum = deviations.sum([0L]);
        var m2 = deviations.square().sum([0L]) - deviationSum.square() / rows;
        mean = mean + deviationSum / rows + shift;
        return Finish(TensorMemory.ToDoubleArray(mean), TensorMemory.ToDoubleArray(m2), rows,
            () => TensorMemory.ThrowIfNonFinite(x, name, columns), name);
    }

    /// <summary>Count, means relative to <c>Shift</c> (the first row) and M2 of one batch, for a fit over batches.</summary>
    internal sealed record ShiftedMoments(double[] Shift, double[] Mean, double[] M2, long Count);

    /// <summary>The moments of one batch in shifted coordinates; NaN/infinity named by row and column of <paramref name="name"/>.</summary>
    public static unsafe ShiftedMoments ShiftedMomentsOf(torch.Tensor x, string name)
    {
        var (rows, columns) = InputGuard.CheckTensor(x, name);
        using var scope = torch.NewDisposeScope();
        if (TensorMemory.CanUseCpuKernels(x))
        {
            var source = x.is_contiguous() ? x : x.contiguous();
            ColumnMoments moments;
            double[] shift;
            fixed (byte* data = source.bytes)
            {
                moments = source.dtype == torch.ScalarType.Float32
                    ? ColumnMomentsKernel.ComputeShifted((float*)data, rows, columns, out shift)
                    : ColumnMomentsKernel.ComputeShifted((double*)data, rows, columns, out shift);
            }
            CheckFinite(moments.Mean, moments.M2, () => TensorMemory.ThrowIfNonFinite(source, name, columns), name);
            return new ShiftedMoments(shift, moments.Mean, moments.M2, rows);
        }

        // As MomentsOf on other devices, stopping before the shift is added back.
        var values = x.detach().to(torch.ScalarType.Float64).reshape(rows, columns);
        var first = values[0];
        var shifted = values - first;
        var mean = shifted.mean([0L]);
        var deviations = shifted - mean;
        var deviationSum = deviations.sum([0L]);
        var m2 = deviations.square().sum([0L]) - deviationSum.square() / rows;
        var relativeMean = TensorMemory.ToDoubleArray(mean + deviationSum / rows);
        var m2Values = TensorMemory.ToDoubleArray(m2);
        CheckFinite(relativeMean, m2Values, () => TensorMemory.ThrowIfNonFinite(x, name, columns), name);
        return new ShiftedMoments(TensorMemory.ToDoubleArray(first), relativeMean, m2Values, rows);
    }

    /// <summary>The moments of one batch held in memory, in shifted coordinates.</summary>
    public static unsafe ShiftedMoments ShiftedMomentsOf<T>(T* data, long rows, int columns, bool oneDimensional, string name)
        where T : unmanaged, INumber<T>
    {
        var moments = ColumnMomentsKernel.ComputeShifted(data, rows, columns, out var shift);
        CheckFinite(moments.Mean, moments.M2, () => throw ArrayScan.FirstNonFinite(data, rows, columns, name, oneDimensional), name);
        return new ShiftedMoments(shift, moments.Mean, moments.M2, rows);
    }

    private static void CheckFinite(double[] mean, double[] m2, Action throwIfNonFinite, string name)
    {
        for (var c = 0; c < mean.Length; c++)
        {
            if (double.IsFinite(mean[c]) && double.IsFinite(m2[c])) continue;
            throwIfNonFinite();
            throw new ArgumentException(
                $"{name} column {c} has values whose sums overflow the float64 range; rescale it (e.g. divide by a power of ten) first.", name);
        }
    }

    public static unsafe Moments MomentsOf<T>(T* data, long rows, int columns, bool oneDimensional)
        where T : unmanaged, INumber<T>
    {
        var moments = ColumnMomentsKernel.Compute(data, rows, columns);
        return Finish(moments.Mean, moments.M2, rows,
            () => throw ArrayScan.FirstNonFinite(data, rows, columns, "x", oneDimensional), "x");
    }

    private static Moments Finish(double[] mean, double[] m2, long rows, Action throwIfNonFinite, string name)
    {
        var variance = new double[mean.Length];
        for (var c = 0; c < mean.Length; c++)
        {
            if (!double.IsFinite(mean[c]) || !double.IsFinite(m2[c]))
            {
                throwIfNonFinite();
                throw new ArgumentException(
                    $"{name} column {c} has values whose sums overflow the float64 range; rescale it (e.g. divide by a power of ten) first.", name);
            }
            variance[c] = Math.Max(0, m2[c]) / rows;
        }
        return new Moments(mean, variance, rows);
    }

    public static unsafe (double[] Min, double[] Max) RangeOf(torch.Tensor x, string name = "x")
    {
        var (rows, columns) = InputGuard.CheckTensor(x, name);
        using var scope = torch.NewDisposeScope();
        var min = new double[columns];
        var max = new double[columns];
        if (TensorMemory.CanUseCpuKernels(x))
        {
            var source = x.is_contiguous() ? x : x.contiguous();
            bool finite;
            fixed (byte* data = source.bytes)
            {
                finite = source.dtype == torch.ScalarType.Float32
                    ? ColumnRangeKernel.Compute((float*)data, rows, columns, min, max)
                    : ColumnRangeKernel.Compute((double*)data, rows, columns, min, max);
            }
            if (!finite) TensorMemory.ThrowIfNonFinite(source, name, columns);
            return (min, max);
        }

        TensorMemory.ThrowIfNonFinite(x, name, columns);
        var values = x.detach().reshape(rows, columns);
        return (TensorMemory.ToDoubleArray(values.amin([0L])), TensorMemory.ToDoubleArray(values.amax([0L])));
    }

    public static unsafe (double[] Min, double[] Max) RangeOf<T>(T* data, long rows, int columns, bool oneDimensional, string name = "x")
        where T : unmanaged, INumber<T>
    {
        var min = new double[columns];
        var max = new double[columns];
        if (!ColumnRangeKernel.Compute(data, rows, columns, min, max))
            throw ArrayScan.FirstNonFinite(data, rows, columns, name, oneDimensional);
        return (min, max);
    }
}
