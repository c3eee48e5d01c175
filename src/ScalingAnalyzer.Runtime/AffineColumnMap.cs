using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ScalingAnalyzer.Runtime.Kernels;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// The fitted <c>(x - offset) / divisor</c> map both scalers share. Immutable: the arrays are private copies
/// and every call allocates its own temporaries, so one instance serves any number of threads.
/// </summary>
internal sealed class AffineColumnMap
{
    private readonly double[] _offset;
    private readonly double[] _divisor;

    public AffineColumnMap(double[] offset, double[] divisor)
    {
        _offset = (double[])offset.Clone();
        _divisor = (double[])divisor.Clone();
        Offset = new ReadOnlyCollection<double>(_offset);
        Divisor = new ReadOnlyCollection<double>(_divisor);
    }

    public int ColumnCount => _offset.Length;
    public IReadOnlyList<double> Offset { get; }
    public IReadOnlyList<double> Divisor { get; }

    public unsafe torch.Tensor Apply(torch.Tensor x, bool inverse)
    {
        const string name = "x";
        var (rows, columns) = InputGuard.CheckTensor(x, name);
        InputGuard.CheckColumnCount(columns, ColumnCount, name, InputGuard.Shape(x));
        using var scope = torch.NewDisposeScope();
        torch.Tensor result;
        if (TensorMemory.CanUseCpuKernels(x))
        {
            var source = x.is_contiguous() ? x : x.contiguous();
            result = torch.empty(source.shape, source.dtype, source.device);
            bool finite;
            fixed (byte* input = source.bytes)
            fixed (byte* output = result.bytes)
            {
                finite = source.dtype == torch.ScalarType.Float32
                    ? AffineKernel.Apply((float*)input, (float*)output, rows, columns, _offset, _divisor, inverse)
                    : AffineKernel.Apply((double*)input, (double*)output, rows, columns, _offset, _divisor, inverse);
            }
            if (!finite) TensorMemory.ThrowIfNonFinite(source, name, columns);
        }
        else
        {
            // Computed in float64 and converted back, as the CPU kernel does, so both paths give the same digits.
            TensorMemory.ThrowIfNonFinite(x, name, columns);
            var offset = torch.tensor(_offset, dtype: torch.ScalarType.Float64, device: x.device);
            var divisor = torch.tensor(_divisor, dtype: torch.ScalarType.Float64, device: x.device);
            var wide = x.to(torch.ScalarType.Float64);
            result = (inverse ? torch.addcmul(offset, wide, divisor, 1.0) : wide.sub(offset).div_(divisor)).to(x.dtype);
        }
        return result.MoveToOuterDisposeScope();
    }

    public T[,] Apply<T>(T[,] x, bool inverse) where T : unmanaged, System.Numerics.INumber<T>
    {
        InputGuard.CheckArray(x, nameof(x));
        var rows = x.GetLength(0);
        var columns = x.GetLength(1);
        InputGuard.CheckColumnCount(columns, ColumnCount, nameof(x), $"[{rows}, {columns}]");
        var result = new T[rows, columns];
        unsafe
        {
            fixed (T* input = x)
            fixed (T* output = result)
            {
                if (!ApplyKernel(input, output, rows, columns, inverse))
                    throw ArrayScan.FirstNonFinite(input, rows, columns, nameof(x), oneDimensional: false);
            }
        }
        return result;
    }

    public T[] Apply<T>(T[] x, bool inverse) where T : unmanaged, System.Numerics.INumber<T>
    {
        InputGuard.CheckArray(x, nameof(x));
        InputGuard.CheckColumnCount(1, ColumnCount, nameof(x), $"[{x.Length}] (a 1-D array is one column)");
        var result = new T[x.Length];
        unsafe
        {
            fixed (T* input = x)
            fixed (T* output = result)
            {
                if (!ApplyKernel(input, output, x.Length, 1, inverse))
                    throw ArrayScan.FirstNonFinite(input, x.Length, 1, nameof(x), oneDimensional: true);
            }
        }
        return result;
    }

    private unsafe bool ApplyKernel<T>(T* input, T* output, long rows, int columns, bool inverse)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        if (typeof(T) == typeof(float))
            return AffineKernel.Apply((float*)input, (float*)output, rows, columns, _offset, _divisor, inverse);
        if (typeof(T) == typeof(double))
            return AffineKernel.Apply((double*)input, (double*)output, rows, columns, _offset, _divisor, inverse);
        throw new NotSupportedException($"Element type {typeof(T).Name} is not supported; use float or double.");
    }
}
