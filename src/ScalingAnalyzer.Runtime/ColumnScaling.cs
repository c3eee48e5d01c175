using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// A fitted scaler as a TorchSharp module, so the scaling is part of the model: <c>(x - offset[j]) / divisor[j]</c>
/// per column, or with <see cref="IsInverse"/> its inverse <c>x * divisor[j] + offset[j]</c> (for a model's output
/// trained on a scaled target). The statistics are registered buffers named <c>offset</c> and <c>divisor</c>: they are
/// saved and loaded by <c>model.save</c>/<c>model.load</c> with the rest of the model, and move with <c>model.to(device)</c>.
/// <code>
/// var model = nn.Sequential(featureScaler.AsModule(), nn.Linear(1, 1), targetScaler.AsInverseModule());
/// model.save("house-prices.bin");
/// // In another process, without the training data: the same structure, then load fills the buffers.
/// var served = nn.Sequential(new ColumnScaling(1), nn.Linear(1, 1), new ColumnScaling(1, inverse: true));
/// served.load("house-prices.bin");
/// var dollars = served.forward(squareFeet);
/// </code>
/// </summary>
/// <remarks>
/// The statistics stay float64 whatever dtype the model is converted to (<c>model.to(float32)</c> converts only
/// parameters), and the input is scaled in float64 and rounded once to its own dtype, as
/// <see cref="IColumnScaler.Transform(torch.Tensor)"/> does: a float32 model of data far from zero keeps the precision
/// of its statistics. Each call reads the statistics back to the host to check that they are set (a module built
/// with <see cref="ColumnScaling(int, bool)"/> and never loaded holds NaN), which on a GPU is one small synchronous copy.
/// Unlike <see cref="IColumnScaler.Transform(torch.Tensor)"/>, NaN and infinity in the input pass through, as in any
/// TorchSharp layer.
/// </remarks>
public sealed class ColumnScaling : nn.Module<Tensor, Tensor>
{
    // Named as the buffers: RegisterComponents, which a parent module written the TorchSharp way calls on its children,
    // then finds them registered already instead of registering the same tensors again under the field names (which
    // state_dict's de-duplication would hide, but which would keep a stale entry after the buffers move device).
    [ComponentName(Name = "offset")]
    private Tensor _offset;

    [ComponentName(Name = "divisor")]
    private Tensor _divisor;

    /// <summary>
    /// An empty module of <paramref name="columnCount"/> columns for <c>load</c> to fill: how a program that serves a
    /// saved model builds the same structure without the training data. Until loaded its statistics are NaN and
    /// <see cref="forward"/> refuses to run.
    /// </summary>
    /// <param name="columnCount">The number of columns the saved scaler was fitted on.</param>
    /// <param name="inverse">True for the inverse map (a scaled target back to original units), as <c>AsInverseModule</c> builds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columnCount"/> is not positive.</exception>
    public ColumnScaling(int columnCount, bool inverse = false) : base(nameof(ColumnScaling))
    {
        if (columnCount < 1)
            throw new ArgumentOutOfRangeException(nameof(columnCount), columnCount, "A scaling module needs at least one column.");
        IsInverse = inverse;
        _offset = torch.full(columnCount, double.NaN, ScalarType.Float64);
        _divisor = torch.full(columnCount, double.NaN, ScalarType.Float64);
        register_buffer("offset", _offset);
        register_buffer("divisor", _divisor);
    }

    /// <summary>
    /// The module of a fitted scaler (what <c>AsModule()</c> and <c>AsInverseModule()</c> build), for any
    /// <see cref="IColumnScaler"/>: its <see cref="IColumnScaler.Offset"/> and <see cref="IColumnScaler.Divisor"/> are copied.
    /// </summary>
    /// <exception cref="ArgumentException">The scaler's statistics are empty, of different lengths, not finite, or a divisor is not positive.</exception>
    public ColumnScaling(IColumnScaler scaler, bool inverse = false) : base(nameof(ColumnScaling))
    {
        ArgumentNullException.ThrowIfNull(scaler);
        var problem = ScalerStatistics.CheckColumns("Offset", scaler.Offset, null, "")
            ?? ScalerStatistics.CheckColumns("Divisor", scaler.Divisor, scaler.Offset.Count, "Offset")
            ?? ScalerStatistics.CheckPositive("Divisor", scaler.Divisor);
        if (problem is not null) throw new ArgumentException($"The scaler's statistics cannot be used: {problem}", nameof(scaler));
        IsInverse = inverse;
        _offset = torch.tensor(ScalerStatistics.Copy(scaler.Offset), ScalarType.Float64);
        _divisor = torch.tensor(ScalerStatistics.Copy(scaler.Divisor), ScalarType.Float64);
        register_buffer("offset", _offset);
        register_buffer("divisor", _divisor);
    }

    /// <summary>True when the module maps scaled values back to original units.</summary>
    public bool IsInverse { get; }

    /// <summary>Number of columns every input must have (a 1-D input is one column).</summary>
    public int ColumnCount => (int)_offset.shape[0];

    /// <summary>The per-column offset buffer (float64, on the module's device).</summary>
    public Tensor offset => _offset;

    /// <summary>The per-column divisor buffer (float64, on the module's device).</summary>
    public Tensor divisor => _divisor;

    /// <summary>Scales (or, with <see cref="IsInverse"/>, un-scales) a 1-D <c>[n]</c> or 2-D <c>[n, k]</c> float32/float64 tensor; the result keeps dtype and device.</summary>
    /// <exception cref="ArgumentException">Wrong dtype or rank, empty, another column count, or on another device than the module (named).</exception>
    /// <exception cref="InvalidOperationException">The module holds no statistics: built for loading and not loaded, or loaded from a file that held invalid ones.</exception>
    public override Tensor forward(Tensor input)
    {
        const string name = "input";
        var (_, columns) = InputGuard.CheckTensor(input, name);
        InputGuard.CheckColumnCount(columns, ColumnCount, name, InputGuard.Shape(input));
        if (input.device_type != _offset.device_type || input.device_index != _offset.device_index)
            throw new ArgumentException(
                $"{name} is on {input.device} but the {nameof(ColumnScaling)} module's statistics are on {_offset.device}; move the model with model.to(device).",
                name);
        CheckStatistics();
        using var scope = torch.NewDisposeScope();
        var wide = input.to(ScalarType.Float64);
        // The same expression as the scalers' own transform on devices other than the CPU: the same digits.
        var result = IsInverse ? torch.addcmul(_offset, wide, _divisor, 1.0) : wide.sub(_offset).div_(_divisor);
        return result.to(input.dtype).MoveToOuterDisposeScope();
    }

    private void CheckStatistics()
    {
        var offsetValues = TensorMemory.ToDoubleArray(_offset);
        var divisorValues = TensorMemory.ToDoubleArray(_divisor);
        if (double.IsNaN(offsetValues[0]) && double.IsNaN(divisorValues[0]))
            throw new InvalidOperationException(
                $"This {nameof(ColumnScaling)} module holds no statistics: it was built with new {nameof(ColumnScaling)}({ColumnCount}) for loading " +
                "and nothing was loaded into it. Load the saved model into the model that contains it (model.load(path)), " +
                "or build it from a fitted scaler with scaler.AsModule().");
        var problem = ScalerStatistics.CheckColumns("offset", offsetValues, null, "")
            ?? ScalerStatistics.CheckColumns("divisor", divisorValues, offsetValues.Length, "offset")
            ?? ScalerStatistics.CheckPositive("divisor", divisorValues);
        if (problem is not null)
            throw new InvalidOperationException($"This {nameof(ColumnScaling)} module holds invalid statistics: {problem}");
    }

    /// <summary>Moves the statistics to <paramref name="device"/>; they stay float64 whatever <paramref name="dtype"/> is.</summary>
    protected override nn.Module _to(Device device, ScalarType dtype, bool non_blocking) => MoveTo(device, non_blocking);

    /// <summary>Moves the statistics to the device.</summary>
    protected override nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) =>
        MoveTo(new Device(deviceType, deviceIndex), non_blocking);

    /// <summary>Keeps the statistics in float64: converting the model to float32 rounds its weights, not the data's statistics.</summary>
    protected override nn.Module _to(ScalarType dtype, bool non_blocking) => this;

    private ColumnScaling MoveTo(Device device, bool non_blocking)
    {
        if (device.type == DeviceType.CUDA && !torch.cuda.is_available()) throw new InvalidOperationException("CUDA is not available.");
        if (ReplaceBuffer(null, device, _offset, out var offset))
        {
            _offset = offset!;
            ConditionallyRegisterBuffer("offset", _offset);
        }
        if (ReplaceBuffer(null, device, _divisor, out var divisor))
        {
            _divisor = divisor!;
            ConditionallyRegisterBuffer("divisor", _divisor);
        }
        _deviceType = device.type;
        _deviceIndex = device.type == DeviceType.CUDA ? device.index : -1;
        return this;
    }
}
