using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>Fitting over batches and merging partial fits give the one-shot scaler: float32/float64, 1-D/2-D, tensors and arrays.</summary>
public class BatchFitTests
{
    private const double Relative = 1e-12;

    /// <summary>Columns of 1e9 plus noise, of thirds, of tiny and of large spreads: the data a careless merge gets wrong.</summary>
    private static double[,] HardData(int rows, int columns, int seed) =>
        Matrices.Random(new Random(seed), rows, columns, j => (j % 3) switch { 0 => 1e9, 1 => -1.0 / 3, _ => 42.0 * j }, j => Math.Pow(10, j % 4 - 1));

    /// <summary>Uneven batches: sizes 1, 7, 31, 32, 33, ... cycling, the last one whatever is left.</summary>
    private static IEnumerable<(long Start, long Length)> Batches(long rows)
    {
        long[] sizes = [1, 7, 31, 32, 33, 500, 3];
        long start = 0;
        for (var i = 0; start < rows; i++)
        {
            var length = Math.Min(sizes[i % sizes.Length], rows - start);
            yield return (start, length);
            start += length;
        }
    }

    private static void AssertSameScaler(StandardScaler expected, StandardScaler actual)
    {
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        for (var j = 0; j < expected.ColumnCount; j++)
        {
            Matrices.AssertClose(expected.Mean[j], actual.Mean[j], Relative, what: $"mean {j}");
            Matrices.AssertClose(expected.Scale[j], actual.Scale[j], Relative, what: $"scale {j}");
        }
    }

    private static void AssertSameScaler(MinMaxScaler expected, MinMaxScaler actual)
    {
        Assert.Equal(expected.DataMin, actual.DataMin);
        Assert.Equal(expected.DataMax, actual.DataMax);
        Assert.Equal(expected.Offset, actual.Offset);
        Assert.Equal(expected.Divisor, actual.Divisor);
    }

    public static TheoryData<torch.ScalarType, int> DtypesAndRanks => new()
    {
        { torch.ScalarType.Float32, 1 },
        { torch.ScalarType.Float32, 2 },
        { torch.ScalarType.Float64, 1 },
        { torch.ScalarType.Float64, 2 },
    };

    [Theory]
    [MemberData(nameof(DtypesAndRanks))]
    public void TensorBatchesGiveTheOneShotScaler(torch.ScalarType dtype, int rank)
    {
        using var scope = torch.NewDisposeScope();
        var all = Tensors.From(HardData(20_000, 5, 1), dtype);
        var x = rank == 1 ? all[.., 0].contiguous() : all;
        var batches = Batches(x.shape[0]).Select(b => x.narrow(0, b.Start, b.Length)).ToList();

        AssertSameScaler(StandardScaler.Fit(x), StandardScaler.FitBatches(batches));
        AssertSameScaler(MinMaxScaler.Fit(x, -1, 1), MinMaxScaler.FitBatches(batches, -1, 1));
        // The torch-operations path (every device but the CPU) gives the same.
        var tracked = batches.Select(b => b.detach().requires_grad_(true)).ToList();
        AssertSameScaler(StandardScaler.Fit(x), StandardScaler.FitBatches(tracked));
        AssertSameScaler(MinMaxScaler.Fit(x, -1, 1), MinMaxScaler.FitBatches(tracked, -1, 1));
    }

    [Fact]
    public void ArrayChunksGiveTheOneShotScaler()
    {
        var x = HardData(5_000, 4, 2);
        var chunks = Batches(x.GetLength(0)).Select(b => Rows(x, (int)b.Start, (int)b.Length)).ToList();
        AssertSameScaler(StandardScaler.Fit(x), StandardScaler.FitBatches(chunks));
        AssertSameScaler(StandardScaler.Fit(Matrices.ToFloat(x)), StandardScaler.FitBatches(chunks.Select(Matrices.ToFloat)));
        AssertSameScaler(MinMaxScaler.Fit(x), MinMaxScaler.FitBatches(chunks));
        AssertSameScaler(MinMaxScaler.Fit(Matrices.ToFloat(x)), MinMaxScaler.FitBatches(chunks.Select(Matrices.ToFloat)));

        var column = Matrices.Column(x, 0);
        var pieces = Batches(column.Length).Select(b => column.Skip((int)b.Start).Take((int)b.Length).ToArray()).ToList();
        AssertSameScaler(StandardScaler.Fit(column), StandardScaler.FitBatches(pieces));
        AssertSameScaler(StandardScaler.Fit(column.Select(v => (float)v).ToArray()), StandardScaler.FitBatches(pieces.Select(p => p.Select(v => (float)v).ToArray())));
        AssertSameScaler(MinMaxScaler.Fit(column), MinMaxScaler.FitBatches(pieces));
    }

    [Fact]
    public void ADataLoadersShuffledBatchesGiveTheOneShotScaler()
    {
        using var scope = torch.NewDisposeScope();
        var sizes = (torch.rand(1000, 1, generator: new torch.Generator(5)) * 4500 + 500);
        var prices = 100 * sizes + 20000;
        using var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(sizes, prices), batchSize: 32, shuffle: true, seed: 7,
            disposeDataset: false);

        var featureScaler = StandardScaler.FitBatches(loader.Select(batch => batch[0]));
        var targetAccumulator = new MinMaxScalerAccumulator();
        foreach (var batch in loader) targetAccumulator.Add(batch[1]);

        AssertSameScaler(StandardScaler.Fit(sizes), featureScaler);
        AssertSameScaler(MinMaxScaler.Fit(prices), targetAccumulator.ToScaler());
        Assert.Equal(32, targetAccumulator.BatchCount);   // ⌈1000 / 32⌉
        Assert.Equal(1000, targetAccumulator.Count);
    }

    [Fact]
    public void ShardsFittedApartAndMergedGiveTheOneShotScaler()
    {
        var x = HardData(3_000, 3, 3);
        var shards = new[] { Rows(x, 0, 1), Rows(x, 1, 1999), Rows(x, 2000, 1000) };
        var standard = shards.Select(s => { var a = new StandardScalerAccumulator(); a.Add(s); return a; }).ToArray();
        var minMax = shards.Select(s => { var a = new MinMaxScalerAccumulator(); a.Add(s); return a; }).ToArray();

        // ((2 + 1) + 0): merges in any order, into an accumulator that has seen nothing or something.
        var total = new StandardScalerAccumulator();
        total.Merge(standard[2]);
        total.Merge(standard[1]);
        total.Merge(new StandardScalerAccumulator());
        total.Merge(standard[0]);
        var totalRange = new MinMaxScalerAccumulator();
        foreach (var shard in minMax.Reverse()) totalRange.Merge(shard);

        AssertSameScaler(StandardScaler.Fit(x), total.ToScaler());
        AssertSameScaler(MinMaxScaler.Fit(x), totalRange.ToScaler());
        Assert.Equal((3000L, 3L, 3), (total.Count, total.BatchCount, total.ColumnCount));
        Assert.Equal(1999, standard[1].Count);   // a merged accumulator is not changed
    }

    [Fact]
    public void ConstantColumnsAndLargeOffsetsSurviveBatching()
    {
        // 1e9 + small noise, in batches of 10: every batch mean is 1e9 plus a little, and the merge keeps the little.
        var random = new Random(11);
        var values = Enumerable.Range(0, 10_000).Select(_ => 1e9 + random.NextDouble() - 0.5).ToArray();
        var exact = Matrices.NaiveTwoPass(values.Select(v => v - 1e9).ToArray());
        var batched = StandardScaler.FitBatches(values.Chunk(10));
        Matrices.AssertClose(exact.PopulationStd, batched.Scale[0], 1e-9, what: "std");
        Matrices.AssertClose(StandardScaler.Fit(values).Scale[0], batched.Scale[0], Relative, what: "std against the one-shot fit");

        var constant = StandardScaler.FitBatches(new[] { new[] { 5.0, 5 }, new[] { 5.0 }, new[] { 5.0, 5, 5 } });
        Assert.Equal((5.0, 1.0), (constant.Mean[0], constant.Scale[0]));
    }

    [Fact]
    public void BadBatchesAreNamedAndLeaveTheAccumulatorUnchanged()
    {
        var accumulator = new StandardScalerAccumulator();
        accumulator.Add(new double[,] { { 1, 2 }, { 3, 4 } });
        AssertRejected(() => accumulator.Add(new double[,] { { 1, 2, 3 } }), "batch 1 has 3 column(s) (shape [1, 3]) but the earlier batches have 2");
        AssertRejected(() => accumulator.Add(new[] { 1.0 }), "batch 1 has 1 column(s) (shape [1] (a 1-D array is one column)) but the earlier batches have 2");
        AssertRejected(() => accumulator.Add(new double[,] { { 1, 2 }, { double.NaN, 4 } }), "batch 1 contains NaN at row 1, column 0");
        using (var integer = torch.ones(3, 2, torch.ScalarType.Int32))
            AssertRejected(() => accumulator.Add(integer), "batch 1 has an integer dtype Int32");
        AssertRejected(() => accumulator.Add(new float[0, 2]), "batch 1 is empty (shape [0, 2])");
        using (var tensor = torch.tensor(new float[,] { { 1, 2 }, { 3, float.PositiveInfinity } }).requires_grad_(true))
            AssertRejected(() => accumulator.Add(tensor), "batch 1 contains positive infinity at row 1, column 1");
        accumulator.Add(new double[,] { { 5, 6 } });
        AssertSameScaler(StandardScaler.Fit(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }), accumulator.ToScaler());
        Assert.Equal(2, accumulator.BatchCount);

        var range = new MinMaxScalerAccumulator();
        range.Add(new[] { 1f, 2f });
        AssertRejected(() => range.Add(new float[,] { { 1, 2 } }), "batch 1 has 2 column(s) (shape [1, 2]) but the earlier batches have 1");
        AssertRejected(() => range.Add(new[] { 1f, float.NaN }), "batch 1 contains NaN at row 1");
        AssertRejected(() => range.ToScaler(3, 3), "The target range [3, 3] is invalid");
        Assert.Equal([1.0], range.ToScaler().DataMin);

        var other = new StandardScalerAccumulator();
        other.Add(new[] { 1.0, 2.0 });
        AssertRejected(() => accumulator.Merge(other), "other has seen batches of 1 column(s) but this accumulator's batches have 2");
        var empty = Assert.Throws<InvalidOperationException>(() => StandardScaler.FitBatches(Array.Empty<torch.Tensor>()));
        Assert.Contains("No batch has been added", empty.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new MinMaxScalerAccumulator().ToScaler());
    }

    /// <summary>
    /// Any matrix split into any batches and two shards, merged: the one-shot scaler; as arrays, as float32/float64
    /// tensors, and its first column as 1-D tensors.
    /// </summary>
    [Fact]
    public void MergeEqualsTheOneShotFitOnGeneratedData()
    {
        var problem =
            from rows in Gen.Int[2, 60]
            from columns in Gen.Int[1, 5]
            from centers in Gen.Double[-1e9, 1e9].Array[columns]
            from spreadExponents in Gen.Int[-4, 5].Array[columns]
            from unit in Gen.Double[-1, 1].Array[rows * columns]
            from cuts in Gen.Int[1, rows - 1].Array[0, 6]
            from asFloat in Gen.Bool
            from shardAt in Gen.Int[0, 6]
            select (rows, columns, centers, spreadExponents, unit, cuts, asFloat, shardAt);
        problem.Sample(p =>
        {
            var x = new double[p.rows, p.columns];
            for (var i = 0; i < p.rows; i++)
            for (var j = 0; j < p.columns; j++)
                x[i, j] = p.centers[j] + Math.Pow(10, p.spreadExponents[j]) * p.unit[i * p.columns + j];
            if (p.asFloat) x = ToFloatPrecision(x);
            var bounds = p.cuts.Append(0).Append(p.rows).Distinct().Order().ToArray();
            var batches = bounds.Zip(bounds.Skip(1), (start, end) => Rows(x, start, end - start)).ToArray();

            // Two shards, each fitted over its batches, then merged; and a one-pass fit over all batches.
            var split = Math.Min(p.shardAt, batches.Length);
            var first = new StandardScalerAccumulator();
            var second = new StandardScalerAccumulator();
            var firstRange = new MinMaxScalerAccumulator();
            var secondRange = new MinMaxScalerAccumulator();
            for (var b = 0; b < batches.Length; b++)
            {
                (b < split ? first : second).Add(batches[b]);
                (b < split ? firstRange : secondRange).Add(batches[b]);
            }
            second.Merge(first);
            secondRange.Merge(firstRange);

            AssertSameUpToRounding(x, StandardScaler.Fit(x), second.ToScaler());
            AssertSameUpToRounding(x, StandardScaler.Fit(x), StandardScaler.FitBatches(batches));
            AssertSameScaler(MinMaxScaler.Fit(x), secondRange.ToScaler());

            // The same batches as tensors (float32 when the values are), and the first column alone as 1-D tensors.
            using var scope = torch.NewDisposeScope();
            var dtype = p.asFloat ? torch.ScalarType.Float32 : torch.ScalarType.Float64;
            var tensor = Tensors.From(x, dtype);
            var tensorBatches = bounds.Zip(bounds.Skip(1), (start, end) => tensor.narrow(0, start, end - start)).ToArray();
            AssertSameUpToRounding(x, StandardScaler.Fit(tensor), StandardScaler.FitBatches(tensorBatches));
            AssertSameScaler(MinMaxScaler.Fit(tensor), MinMaxScaler.FitBatches(tensorBatches));
            var column = tensor[.., 0].contiguous();
            var columnBatches = bounds.Zip(bounds.Skip(1), (start, end) => column.narrow(0, start, end - start)).ToArray();
            AssertSameUpToRounding(Matrices.Columns(x, 0), StandardScaler.Fit(column), StandardScaler.FitBatches(columnBatches));
            AssertSameScaler(MinMaxScaler.Fit(column), MinMaxScaler.FitBatches(columnBatches));
        }, iter: 300);
    }

    private static void AssertSameUpToRounding(double[,] x, StandardScaler oneShot, StandardScaler fitted)
    {
        for (var j = 0; j < oneShot.ColumnCount; j++)
        {
            // Means relative to the column's magnitude: a mean near 0 of values near 1e9 is only known to their ulps.
            var magnitude = Enumerable.Range(0, x.GetLength(0)).Max(i => Math.Abs(x[i, j]));
            Matrices.AssertClose(oneShot.Mean[j], fitted.Mean[j], Relative, Relative * magnitude, $"mean {j}");
            // A spread at rounding level of the mean is judged constant by both, or by neither up to that rounding.
            if (oneShot.Scale[j] == 1.0 || fitted.Scale[j] == 1.0)
                Matrices.AssertClose(oneShot.Scale[j], fitted.Scale[j], 0, 1e-6 * magnitude + 1e-9, $"scale {j} (constant)");
            else
                Matrices.AssertClose(oneShot.Scale[j], fitted.Scale[j], Relative, what: $"scale {j}");
        }
    }

    private static double[,] ToFloatPrecision(double[,] x)
    {
        var result = new double[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
        for (var j = 0; j < x.GetLength(1); j++)
            result[i, j] = (float)x[i, j];
        return result;
    }

    private static double[,] Rows(double[,] x, int start, int length)
    {
        var result = new double[length, x.GetLength(1)];
        for (var i = 0; i < length; i++)
        for (var j = 0; j < x.GetLength(1); j++)
            result[i, j] = x[start + i, j];
        return result;
    }

    private static void AssertRejected(Action action, string part)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }
}
