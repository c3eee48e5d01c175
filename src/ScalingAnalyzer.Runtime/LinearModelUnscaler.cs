using System;
using System.Collections.Generic;
using TorchSharp;

namespace ScalingAnalyzer.Runtime;

/// <summary>
/// Maps the weights and bias of a linear model trained on scaled features (and optionally a scaled target)
/// back to original units, so a user reads "$100 per sq ft" instead of a coefficient of standardized data.
/// With <c>x'_j = (x_j - m_j) / s_j</c> and <c>y = ty · y' + tm</c>:
/// <c>coef_j = ty · w_j / s_j</c> and <c>intercept = ty · (b - Σ_j w_j · m_j / s_j) + tm</c>.
/// </summary>
public static class LinearModelUnscaler
{
    /// <summary>Un-scales weights and a bias given as numbers.</summary>
    /// <param name="weights">One weight per feature column the <paramref name="featureScaler"/> was fitted on.</param>
    /// <param name="bias">The learned bias (intercept on the scaled problem).</param>
    /// <param name="featureScaler">The scaler applied to the features before training.</param>
    /// <param name="targetScaler">The one-column scaler applied to the target before training, or null if the target was not scaled.</param>
    /// <exception cref="ArgumentException">Weight count differs from the scaler's column count, the target scaler has more than one column, or a weight/bias is NaN or infinite (a diverged training).</exception>
    public static LinearCoefficients Unscale(IReadOnlyList<double> weights, double bias,
        IColumnScaler featureScaler, IColumnScaler? targetScaler = null)
    {
        if (weights is null) throw new ArgumentNullException(nameof(weights));
        if (featureScaler is null) throw new ArgumentNullException(nameof(featureScaler));
        if (weights.Count != featureScaler.ColumnCount)
            throw new ArgumentException(
                $"weights has {weights.Count} entries but the feature scaler was fitted on {featureScaler.ColumnCount} column(s); pass one weight per feature column.",
                nameof(weights));
        if (targetScaler is not null && targetScaler.ColumnCount != 1)
            throw new ArgumentException(
                $"The target scaler was fitted on {targetScaler.ColumnCount} columns; a linear model with one output needs a one-column target scaler.",
                nameof(targetScaler));
        for (var j = 0; j < weights.Count; j++)
            if (!double.IsFinite(weights[j]))
                throw new ArgumentException(
                    $"weights contains {Describe(weights[j])} at index {j}: the training diverged, there is nothing meaningful to un-scale.",
                    nameof(weights));
        if (!double.IsFinite(bias))
            throw new ArgumentException($"bias is {Describe(bias)}: the training diverged, there is nothing meaningful to un-scale.", nameof(bias));

        var targetDivisor = targetScaler?.Divisor[0] ?? 1.0;
        var targetOffset = targetScaler?.Offset[0] ?? 0.0;
        var coefficients = new double[weights.Count];
        var shift = new CompensatedSum();
        shift.Add(bias);
        for (var j = 0; j < weights.Count; j++)
        {
            var perUnit = weights[j] / featureScaler.Divisor[j];
            coefficients[j] = targetDivisor * perUnit;
            shift.Add(-perUnit * featureScaler.Offset[j]);
        }
        return new LinearCoefficients(Array.AsReadOnly(coefficients), targetDivisor * shift.Value + targetOffset);
    }

    /// <summary>
    /// Un-scales the parameters of a single-output linear layer, e.g. <c>nn.Linear(k, 1)</c>: weight <c>[1, k]</c> (or <c>[k]</c>)
    /// and bias <c>[1]</c> (or a scalar), float32 or float64 on any device.
    /// </summary>
    /// <param name="weight">The layer's weight, <c>[1, k]</c> or <c>[k]</c>.</param>
    /// <param name="bias">The layer's bias, <c>[1]</c> or a scalar tensor.</param>
    /// <param name="featureScaler">The scaler applied to the features before training.</param>
    /// <param name="targetScaler">The one-column scaler applied to the target before training, or null.</param>
    /// <exception cref="ArgumentException">Shapes do not describe one output, integer dtype, or the conditions of the list overload.</exception>
    public static LinearCoefficients Unscale(torch.Tensor weight, torch.Tensor bias,
        IColumnScaler featureScaler, IColumnScaler? targetScaler = null)
    {
        CheckParameter(weight, nameof(weight));
        CheckParameter(bias, nameof(bias));
        if (weight.dim() > 2 || (weight.dim() == 2 && weight.shape[0] != 1) || weight.dim() == 0)
            throw new ArgumentException(
                $"weight has shape {InputGuard.Shape(weight)}; a single-output linear layer has weight [1, k] or [k].", nameof(weight));
        if (bias.numel() != 1)
            throw new ArgumentException(
                $"bias has shape {InputGuard.Shape(bias)}; a single-output linear layer has bias [1].", nameof(bias));
        return Unscale(TensorMemory.ToDoubleArray(weight), TensorMemory.ToDoubleArray(bias)[0], featureScaler, targetScaler);
    }

    private static void CheckParameter(torch.Tensor parameter, string name)
    {
        if (parameter is null) throw new ArgumentNullException(name);
        if (parameter.IsInvalid) throw new ArgumentException($"{name} has already been disposed.", name);
        if (!torch.is_floating_point(parameter))
            throw new ArgumentException($"{name} has dtype {parameter.dtype}; a trained layer's parameters are floating point.", name);
    }

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "positive infinity" : "negative infinity";
}
