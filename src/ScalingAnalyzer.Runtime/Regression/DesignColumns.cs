using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ScalingAnalyzer.Runtime.Kernels;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Row-major input (array or tensor storage) copied into the column-major float64 layout the solver works
/// on, in parallel row chunks, with the finiteness check and the column norms in the same pass: the data is read
/// once, and only when something is wrong is it scanned again, alone, for the first bad value in row order.
/// </summary>
/// <remarks>
/// All columns lie in one buffer from the shared array pool, returned on <see cref="Dispose"/>: freshly allocated,
/// the copy's writes met a page fault every 4 KB, which took longer than the copy itself (16 MB: 5.8 ms into new
/// memory, 1.4 ms into memory used before).
/// </remarks>
internal sealed unsafe class DesignColumns : IDisposable
{
    /// <summary>Tensors are read through spans of at most this many bytes (TorchSharp's span limit is int.MaxValue).</summary>
    private const long MaxSliceBytes = 1L << 30;

    private readonly double[] _buffer;
    private readonly int _rows;
    private readonly double[] _sumOfSquares;
    private readonly double[] _largest;

    private DesignColumns(int rows, int columns)
    {
        _rows = rows;
        _buffer = ArrayPool<double>.Shared.Rent(checked(rows * columns));
        Columns = new ReadOnlyMemory<double>[columns];
        for (var j = 0; j < columns; j++) Columns[j] = _buffer.AsMemory(j * rows, rows);
        _sumOfSquares = new double[columns];
        _largest = new double[columns];
        Norms = new double[columns];
    }

    /// <summary>Column j, rows 0..n; valid until disposed.</summary>
    public ReadOnlyMemory<double>[] Columns { get; }

    /// <summary>
    /// Euclidean norm of each column, from the plain sum of squares taken during the copy (row chunks added in chunk
    /// order) when the column's largest magnitude lies within 2^±450, where no square can overflow and the ones that
    /// underflow do not matter; otherwise from <see cref="Householder.Norm(ReadOnlySpan{double})"/>, which scales.
    /// </summary>
    public double[] Norms { get; }

    public void Dispose() => ArrayPool<double>.Shared.Return(_buffer);

    /// <exception cref="ArgumentException">NaN/infinity, named by row (and column unless one-dimensional).</exception>
    public static DesignColumns FromRowMajor<T>(T* data, int rows, int columns, string name, bool oneDimensional)
        where T : unmanaged, INumber<T>
    {
        var result = new DesignColumns(rows, columns);
        if (!result.CopyRows(data, 0, rows, columns))
        {
            result.Dispose();
            throw ArrayScan.FirstNonFinite(data, rows, columns, name, oneDimensional);
        }
        result.FinishNorms();
        return result;
    }

    /// <summary>A float32/float64 tensor [n] or [n, k] on any device; its values are read, never its autograd graph.</summary>
    /// <exception cref="ArgumentException">NaN/infinity, named by row (and column unless one-dimensional).</exception>
    public static DesignColumns FromTensor(torch.Tensor x, int rows, int columns, string name)
    {
        using var scope = torch.NewDisposeScope();
        var source = x.detach();
        if (source.device_type != DeviceType.CPU) source = source.cpu();
        if (!source.is_contiguous()) source = source.contiguous();
        var oneDimensional = x.dim() == 1;
        var matrix = source.reshape(rows, columns);

        var result = new DesignColumns(rows, columns);
        var sliceRows = (int)Math.Max(1, Math.Min(rows, MaxSliceBytes / (columns * matrix.ElementSize)));
        for (var first = 0; first < rows; first += sliceRows)
        {
            var count = Math.Min(sliceRows, rows - first);
            using var slice = matrix.narrow(0, first, count);
            fixed (byte* bytes = slice.bytes)
            {
                var finite = slice.dtype == torch.ScalarType.Float32
                    ? result.CopyRows((float*)bytes, first, count, columns)
                    : result.CopyRows((double*)bytes, first, count, columns);
                if (finite) continue;
                result.Dispose();
                throw slice.dtype == torch.ScalarType.Float32
                    ? ArrayScan.FirstNonFinite((float*)bytes, count, columns, name, oneDimensional, first)
                    : ArrayScan.FirstNonFinite((double*)bytes, count, columns, name, oneDimensional, first);
            }
        }
        result.FinishNorms();
        return result;
    }

    private void FinishNorms()
    {
        var (safeSmallest, safeLargest) = (Math.ScaleB(1.0, -450), Math.ScaleB(1.0, 450));
        for (var j = 0; j < Norms.Length; j++)
        {
            var largest = _largest[j];
            Norms[j] = largest == 0 ? 0
                : largest >= safeSmallest && largest <= safeLargest ? Math.Sqrt(_sumOfSquares[j])
                : Householder.Norm(Columns[j].Span);
        }
    }

    /// <summary>Rows transposed at a time: their source rows (at most 32 KB) stay in L1 while each column is written.</summary>
    private static int TileRows(int columns) => Math.Clamp(4096 / columns, 16, 256);

    /// <summary>Copies <paramref name="count"/> rows starting at row <paramref name="firstRow"/> of the output; false if any is not finite.</summary>
    /// <remarks>
    /// Column by column within a tile of rows: each column is written as one sequential run, and the strided reads hit
    /// rows the tile just brought into cache. (Row by row, every element went to a different array.) Float64 input moves
    /// in 4 × 4 blocks transposed in registers where the CPU has AVX (<see cref="TransposeBlocks"/>); the scalar loop
    /// takes float32 input and the edges.
    /// </remarks>
    private bool CopyRows<T>(T* data, int firstRow, int count, int columns)
        where T : unmanaged, INumber<T>
    {
        var buffer = _buffer;
        var totalRows = _rows;
        var plan = new ChunkPlan(count, columns, 1);
        var allFinite = 1;
        var address = (IntPtr)data;
        var tileRows = TileRows(columns);
        var blockColumns = typeof(T) == typeof(double) && Avx.IsSupported ? columns & ~3 : 0;
        var chunkSquares = new double[plan.ChunkCount * columns];
        var chunkLargest = new double[plan.ChunkCount * columns];
        plan.Run(chunk =>
        {
            var (chunkRow, chunkRows) = plan.Chunk(chunk);
            var squares = chunkSquares.AsSpan(chunk * columns, columns);
            var largest = chunkLargest.AsSpan(chunk * columns, columns);
            var finite = true;
            for (var tile = 0; tile < (int)chunkRows; tile += tileRows)
            {
                var rows = Math.Min(tileRows, (int)chunkRows - tile);
                var source = (T*)address + (chunkRow + tile) * columns;
                var outputRow = firstRow + (int)chunkRow + tile;
                var blockRows = blockColumns > 0 ? rows & ~3 : 0;
                if (blockRows > 0)
                    finite &= TransposeBlocks((double*)source, columns, blockRows, blockColumns, buffer, totalRows, outputRow, squares, largest);
                for (var j = 0; j < columns; j++)
                {
                    var done = j < blockColumns ? blockRows : 0;
                    var target = buffer.AsSpan(j * totalRows + outputRow + done, rows - done);
                    var element = source + (long)done * columns + j;
                    double sum = 0, max = 0;
                    for (var i = 0; i < target.Length; i++, element += columns)
                    {
                        var value = double.CreateTruncating(*element);
                        finite &= double.IsFinite(value);
                        target[i] = value;
                        sum += value * value;
                        max = Math.Max(max, Math.Abs(value));
                    }
                    squares[j] += sum;
                    largest[j] = Math.Max(largest[j], max);
                }
            }
            if (!finite) allFinite = 0;
        });
        for (var chunk = 0; chunk < plan.ChunkCount; chunk++)
        for (var j = 0; j < columns; j++)
        {
            _sumOfSquares[j] += chunkSquares[chunk * columns + j];
            _largest[j] = Math.Max(_largest[j], chunkLargest[chunk * columns + j]);
        }
        return allFinite == 1;
    }

    /// <summary>
    /// Rows [0, rows) × columns [0, blockColumns) of a row-major float64 tile into the column buffer, four rows by four
    /// columns at a time: four row loads, unpack and lane swaps, four column stores; each column's sum of squares and
    /// largest magnitude are added to <paramref name="squares"/> and <paramref name="largest"/>. False if any value is
    /// not finite (x - x is 0 for finite x, NaN otherwise).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TransposeBlocks(double* source, int columns, int rows, int blockColumns, double[] buffer, int totalRows,
        int outputRow, Span<double> squares, Span<double> largest)
    {
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var check = Vector256<double>.Zero;
        for (var j = 0; j < blockColumns; j += 4)
        {
            var column = (nuint)((long)j * totalRows + outputRow);
            var stride = (nuint)totalRows;
            Vector256<double> squares0 = default, squares1 = default, squares2 = default, squares3 = default;
            Vector256<double> largest0 = default, largest1 = default, largest2 = default, largest3 = default;
            for (var i = 0; i < rows; i += 4)
            {
                var row = source + (long)i * columns + j;
                var r0 = Avx.LoadVector256(row);
                var r1 = Avx.LoadVector256(row + columns);
                var r2 = Avx.LoadVector256(row + 2 * columns);
                var r3 = Avx.LoadVector256(row + 3 * columns);
                check += ((r0 - r0) + (r1 - r1)) + ((r2 - r2) + (r3 - r3));
                var low01 = Avx.UnpackLow(r0, r1);
                var high01 = Avx.UnpackHigh(r0, r1);
                var low23 = Avx.UnpackLow(r2, r3);
                var high23 = Avx.UnpackHigh(r2, r3);
                var c0 = Avx.Permute2x128(low01, low23, 0x20);
                var c1 = Avx.Permute2x128(high01, high23, 0x20);
                var c2 = Avx.Permute2x128(low01, low23, 0x31);
                var c3 = Avx.Permute2x128(high01, high23, 0x31);
                var at = column + (nuint)i;
                c0.StoreUnsafe(ref output, at);
                c1.StoreUnsafe(ref output, at + stride);
                c2.StoreUnsafe(ref output, at + 2 * stride);
                c3.StoreUnsafe(ref output, at + 3 * stride);
                squares0 += c0 * c0;
                squares1 += c1 * c1;
                squares2 += c2 * c2;
                squares3 += c3 * c3;
                largest0 = Vector256.Max(largest0, Vector256.Abs(c0));
                largest1 = Vector256.Max(largest1, Vector256.Abs(c1));
                largest2 = Vector256.Max(largest2, Vector256.Abs(c2));
                largest3 = Vector256.Max(largest3, Vector256.Abs(c3));
            }
            squares[j] += Vector256.Sum(squares0);
            squares[j + 1] += Vector256.Sum(squares1);
            squares[j + 2] += Vector256.Sum(squares2);
            squares[j + 3] += Vector256.Sum(squares3);
            largest[j] = Math.Max(largest[j], MaxOfLanes(largest0));
            largest[j + 1] = Math.Max(largest[j + 1], MaxOfLanes(largest1));
            largest[j + 2] = Math.Max(largest[j + 2], MaxOfLanes(largest2));
            largest[j + 3] = Math.Max(largest[j + 3], MaxOfLanes(largest3));
        }
        return Vector256.EqualsAll(check, Vector256<double>.Zero);
    }

    private static double MaxOfLanes(Vector256<double> values) =>
        Math.Max(Math.Max(values.GetElement(0), values.GetElement(1)), Math.Max(values.GetElement(2), values.GetElement(3)));
}
