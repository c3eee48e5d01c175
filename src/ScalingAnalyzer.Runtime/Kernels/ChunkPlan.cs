using System;
using System.Threading.Tasks;

namespace ScalingAnalyzer.Runtime.Kernels;

/// <summary>
/// Splits a flat row-major buffer into chunks whose boundaries fall on whole rows and whole SIMD column
/// patterns, so every chunk starts at column 0 and at the first lane of a pattern. Chunk boundaries depend
/// only on the shape, never on the processor count, so results are the same on every machine.
/// </summary>
internal readonly struct ChunkPlan
{
    /// <summary>Below this many elements the work is done on the calling thread: scheduling costs more than it saves.</summary>
    private const long ParallelThreshold = 1L << 18;

    private const long TargetChunkElements = 1L << 16;

    public ChunkPlan(long rows, int columns, int rowGranularity)
    {
        Rows = rows;
        Columns = columns;
        var rowsPerChunk = Math.Max(1, TargetChunkElements / columns);
        rowsPerChunk = Math.Max(rowGranularity, rowsPerChunk / rowGranularity * rowGranularity);
        RowsPerChunk = rowsPerChunk;
        ChunkCount = (int)Math.Min(int.MaxValue, (rows + rowsPerChunk - 1) / rowsPerChunk);
    }

    public long Rows { get; }
    public int Columns { get; }
    public long RowsPerChunk { get; }
    public int ChunkCount { get; }

    public (long FirstRow, long RowCount) Chunk(int index)
    {
        var first = index * RowsPerChunk;
        return (first, Math.Min(RowsPerChunk, Rows - first));
    }

    public void Run(Action<int> body)
    {
        if (ChunkCount == 1 || Rows * Columns < ParallelThreshold)
        {
            for (var i = 0; i < ChunkCount; i++) body(i);
            return;
        }
        Parallel.For(0, ChunkCount, body);
    }
}
