using System;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>Direct access to the storage of CPU tensors, and locating bad values on any device.</summary>
internal static class TensorMemory
{
    /// <summary>
    /// True when the kernels may read the tensor's memory directly: on the CPU, not part of an autograd graph,
    /// and small enough for TorchSharp's span accessor. Anything else goes through torch operations.
    /// </summary>
    internal static bool CanUseCpuKernels(torch.Tensor x) =>
        x.device_type == DeviceType.CPU && !x.requires_grad && x.numel() * x.ElementSize <= int.MaxValue;

    /// <summary>Throws the error naming the first NaN/infinity of <paramref name="x"/>, if it holds one.</summary>
    internal static void ThrowIfNonFinite(torch.Tensor x, string name, int columns)
    {
        using var scope = torch.NewDisposeScope();
        var bad = torch.logical_not(torch.isfinite(x.detach())).flatten();
        if (!bad.any().item<bool>()) return;
        var flatIndex = bad.nonzero()[0, 0].item<long>();
        var value = x.detach().flatten()[flatIndex].to(torch.ScalarType.Float64).cpu().item<double>();
        throw InputGuard.NonFinite(name, value, flatIndex / columns, flatIndex % columns, x.dim() == 1);
    }

    internal static double[] ToDoubleArray(torch.Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return x.detach().to(torch.ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
    }
}
