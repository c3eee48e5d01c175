using System;
using System.Buffers;
using System.Threading.Tasks;

namespace ScalingAnalyzer.Runtime.Regression;

/// <summary>
/// Tall-skinny QR (TSQR) for n ≫ p: the rows are cut into blocks small enough to stay in the core's cache,
/// each block is factorized on its own (in parallel, without pivoting), and the blocks' R factors, stacked, are
/// factorized once more with column pivoting. With <c>A_b = Q_b·R_b</c> per block and <c>[R_1; …; R_m]·P = Q_s·R</c>,
/// <c>A·P = diag(Q_1, …, Q_m)·Q_s·R</c>: the same pivoted R (column norms, hence pivots and the rank decision, are
/// invariant under the orthogonal block step) and the same backward stability as one Householder QR, while the
/// O(n·p²) work reads each element from cache instead of streaming all n rows from memory once per column.
/// </summary>
/// <remarks>
/// The block buffer (as large as the design) comes from the shared array pool and goes back on <see cref="Dispose"/>:
/// a fresh one costs a page fault per 4 KB on every fit, about as long as the copy itself at 10⁵ × 21.
/// </remarks>
internal sealed class TallSkinnyQr : IPivotedQr
{
    private readonly double[] _buffer;
    private readonly int[] _blockStart;
    private readonly HouseholderQr[] _blocks;
    private readonly PivotedHouseholderQr _stacked;

    /// <summary>Rows per block: a 1024 × 50 block is 400 KB, within a core's L2; never fewer rows than 2p.</summary>
    public static int BlockRows(int columns) => Math.Max(1024, 2 * columns);

    /// <summary>Below a few blocks the single Householder QR is as fast and the factorization stays the classic one.</summary>
    public static bool IsWorthwhile(int rows, int columns) => rows >= 8 * BlockRows(columns);

    /// <param name="columns">Column-major n×p matrix; not modified: the blocks are copied, in parallel, into one buffer
    /// where each block's columns lie next to each other. (One array per block column made thousands of small arrays
    /// that lived as long as the factorization: the garbage collector copied them from generation to generation.)</param>
    public TallSkinnyQr(double[][] columns) : this(Array.ConvertAll(columns, column => new ReadOnlyMemory<double>(column)), columnScale: null, target: null)
    {
    }

    /// <param name="columns">Column-major n×p matrix; not modified.</param>
    /// <param name="columnScale">Factors the columns are multiplied by as they are copied (powers of two: exact); null for none.</param>
    /// <param name="target">Right-hand side whose <see cref="ProjectedTarget"/> is formed with the factorization, block by
    /// block while each block is in cache (see <see cref="HouseholderQr(Memory{double}[], Memory{double})"/>); not modified.</param>
    public TallSkinnyQr(ReadOnlyMemory<double>[] columns, double[]? columnScale, double[]? target)
    {
        ColumnCount = columns.Length;
        Rows = columns[0].Length;
        var p = ColumnCount;
        var blockRows = BlockRows(p);
        var blockCount = Rows / blockRows;   // the last block also takes the remainder, so every block has ≥ 2p rows
        _blockStart = new int[blockCount + 1];
        for (var b = 0; b < blockCount; b++) _blockStart[b] = b * blockRows;
        _blockStart[blockCount] = Rows;

        _blocks = new HouseholderQr[blockCount];
        var stackedTarget = new double[blockCount * p];
        var buffer = _buffer = ArrayPool<double>.Shared.Rent(checked(Rows * p));
        Parallel.For(0, blockCount, b =>
        {
            var start = _blockStart[b];
            var length = _blockStart[b + 1] - start;
            var block = new Memory<double>[p];
            for (var j = 0; j < p; j++)
            {
                block[j] = buffer.AsMemory(start * p + j * length, length);
                var source = columns[j].Span.Slice(start, length);
                if (columnScale is null) source.CopyTo(block[j].Span);
                else Householder.ScaledCopy(source, columnScale[j], block[j].Span);
            }
            var blockTarget = target is null ? default : target.AsMemory(start, length).ToArray();
            _blocks[b] = new HouseholderQr(block, blockTarget);
            // Qᵦᵀ·targetᵦ: its first p entries are the block's share of the stacked right-hand side.
            if (target is not null) blockTarget.AsSpan(0, p).CopyTo(stackedTarget.AsSpan(b * p, p));
        });

        // Qᵦᵀ·Aᵦ = Rᵦ: block b contributes its p rows of R.
        var stacked = new double[p][];
        for (var j = 0; j < p; j++) stacked[j] = new double[blockCount * p];
        for (var b = 0; b < blockCount; b++)
        for (var j = 0; j < p; j++)
        for (var row = 0; row <= j; row++)
            stacked[j][b * p + row] = _blocks[b].EntryOfR(row, j);
        _stacked = new PivotedHouseholderQr(Array.ConvertAll(stacked, column => new Memory<double>(column)),
            target is null ? default : stackedTarget);
    }

    public int Rows { get; }
    public int ColumnCount { get; }
    public int[] Permutation => _stacked.Permutation;

    public double DiagonalOfR(int k) => _stacked.DiagonalOfR(k);

    public double[] ProjectedTarget() => _stacked.ProjectedTarget();

    public void SolveR(double[] rhs) => _stacked.SolveR(rhs);

    public void SolveRTransposed(double[] rhs) => _stacked.SolveRTransposed(rhs);

    /// <summary>
    /// Block b's first p entries carry its share of the stacked system, its other entries the block's own
    /// orthogonal complement; after the stacked step, entries 0..p of v (block 0's first p) span the range of A.
    /// </summary>
    public void ApplyTransposeOfQ(double[] v)
    {
        var p = ColumnCount;
        var stacked = new double[_blocks.Length * p];
        Parallel.For(0, _blocks.Length, b =>
        {
            var segment = Segment(v, b);
            _blocks[b].ApplyTransposeOfQ(segment);
            segment[..p].CopyTo(stacked.AsSpan(b * p, p));
        });
        _stacked.ApplyTransposeOfQ(stacked);
        for (var b = 0; b < _blocks.Length; b++) stacked.AsSpan(b * p, p).CopyTo(v.AsSpan(_blockStart[b], p));
    }

    public void ApplyQ(double[] v)
    {
        var p = ColumnCount;
        var stacked = new double[_blocks.Length * p];
        for (var b = 0; b < _blocks.Length; b++) v.AsSpan(_blockStart[b], p).CopyTo(stacked.AsSpan(b * p, p));
        _stacked.ApplyQ(stacked);
        Parallel.For(0, _blocks.Length, b =>
        {
            var segment = Segment(v, b);
            stacked.AsSpan(b * p, p).CopyTo(segment);
            _blocks[b].ApplyQ(segment);
        });
    }

    public void Dispose() => ArrayPool<double>.Shared.Return(_buffer);

    /// <summary>Block b's rows of v, transformed in place (the blocks do not overlap).</summary>
    private Span<double> Segment(double[] v, int block) =>
        v.AsSpan(_blockStart[block], _blockStart[block + 1] - _blockStart[block]);
}
