using System.Collections.Generic;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// A fitted per-column affine scaling: <c>scaled = (x - Offset[j]) / Divisor[j]</c> for column <c>j</c>.
/// A 1-D input is one column. Implementations are immutable once fitted and safe to use from many threads.
/// </summary>
public interface IColumnScaler
{
    /// <summary>Number of columns the scaler was fitted on; every input must have this many columns.</summary>
    int ColumnCount { get; }

    /// <summary>Per-column value subtracted before dividing (the affine form used when un-scaling models).</summary>
    IReadOnlyList<double> Offset { get; }

    /// <summary>Per-column divisor applied after subtracting <see cref="Offset"/>; never zero.</summary>
    IReadOnlyList<double> Divisor { get; }

    /// <summary>Scales a 1-D <c>[n]</c> or 2-D <c>[n, k]</c> float32/float64 tensor; the result keeps dtype and device.</summary>
    /// <exception cref="System.ArgumentException">Wrong dtype or rank, empty, column count differs from the fit, or NaN/infinity (named by row and column).</exception>
    torch.Tensor Transform(torch.Tensor x);

    /// <summary>Maps scaled values back to original units; the result keeps dtype and device.</summary>
    /// <exception cref="System.ArgumentException">Same conditions as <see cref="Transform(torch.Tensor)"/>.</exception>
    torch.Tensor InverseTransform(torch.Tensor x);

    /// <summary>Scales a row-major <c>[n, k]</c> array into a new array.</summary>
    double[,] Transform(double[,] x);

    /// <summary>Maps a scaled <c>[n, k]</c> array back to original units.</summary>
    double[,] InverseTransform(double[,] x);

    /// <summary>Scales a row-major <c>[n, k]</c> array into a new array.</summary>
    float[,] Transform(float[,] x);

    /// <summary>Maps a scaled <c>[n, k]</c> array back to original units.</summary>
    float[,] InverseTransform(float[,] x);

    /// <summary>Scales one column of values into a new array.</summary>
    double[] Transform(double[] x);

    /// <summary>Maps one scaled column back to original units.</summary>
    double[] InverseTransform(double[] x);

    /// <summary>Scales one column of values into a new array.</summary>
    float[] Transform(float[] x);

    /// <summary>Maps one scaled column back to original units.</summary>
    float[] InverseTransform(float[] x);
}
