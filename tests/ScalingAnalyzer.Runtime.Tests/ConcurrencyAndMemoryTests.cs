using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TorchSharp;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>Run alone: native-memory figures must not see other tests' tensors.</summary>
[CollectionDefinition(nameof(ConcurrencyAndMemoryTests), DisableParallelization = true)]
public class ConcurrencyAndMemoryCollection;

[Collection(nameof(ConcurrencyAndMemoryTests))]
public class ConcurrencyAndMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void ManyThreadsUsingOneFittedScalerAgreeWithOneThread()
    {
        using var x = torch.randn(3000, 6, generator: new torch.Generator(1)) * 100 + 7;
        var standard = StandardScaler.Fit(x);
        var minMax = MinMaxScaler.Fit(x);
        var array = new double[2000, 3];
        for (var i = 0; i < 2000; i++) for (var j = 0; j < 3; j++) array[i, j] = i * (j + 1) % 97;
        var arrayScaler = StandardScaler.Fit(array);
        using var expectedStandard = standard.Transform(x);
        using var expectedMinMax = minMax.InverseTransform(x);
        var expectedArray = arrayScaler.Transform(array);

        var disagreements = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, iteration =>
        {
            using var scope = torch.NewDisposeScope();
            var same = (iteration % 3) switch
            {
                0 => standard.Transform(x).equal(expectedStandard).all().ToBoolean(),
                1 => minMax.InverseTransform(x).equal(expectedMinMax).all().ToBoolean(),
                _ => arrayScaler.Transform(array).Cast<double>().SequenceEqual(expectedArray.Cast<double>()),
            };
            if (!same) System.Threading.Interlocked.Increment(ref disagreements);
        });

        Assert.Equal(0, disagreements);
    }

    [Fact]
    public void TenThousandTransformsLeaveNoNativeTensorsOrMemoryBehind()
    {
        using var x = torch.randn(2048, 8);   // 64 KiB per result: a leak of 10 000 results would be 640 MiB
        var scaler = StandardScaler.Fit(x);
        void RunTransforms(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var scaled = scaler.Transform(x);
                using var restored = scaler.InverseTransform(scaled);
            }
        }

        RunTransforms(250);   // warm-up: allocator pools and JIT settle
        var liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var residentBefore = ResidentBytes();
        RunTransforms(5_000);   // a transform and an inverse each: 10 000 calls
        var liveAfter = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var residentAfter = ResidentBytes();
        output.WriteLine($"live tensors {liveBefore} -> {liveAfter}; resident {residentBefore >> 20} MiB -> {residentAfter >> 20} MiB");

        Assert.Equal(liveBefore, liveAfter);
        // Generous: a real leak here is ~640 MiB, allocator noise a few tens of MiB.
        Assert.True(residentAfter - residentBefore < 256L << 20, $"resident memory grew by {(residentAfter - residentBefore) >> 20} MiB");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
