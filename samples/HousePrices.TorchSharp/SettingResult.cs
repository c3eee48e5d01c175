using ScalingAnalyzer.Runtime;

namespace HousePrices;

/// <summary>One row of the table: a training run and its learned line in dollars and square feet.</summary>
internal sealed record SettingResult(string Setting, string Optimizer, TrainingRun Run, double Slope, double Intercept,
    double LossToDollarsSquared, string LossUnit)
{
    /// <summary>The model trained on the raw data: its weight and bias are already $ per sq ft and $.</summary>
    public static SettingResult InOriginalUnits(string setting, string optimizer, TrainingRun run) =>
        new(setting, optimizer, run, run.Weight, run.Bias, LossToDollarsSquared: 1, LossUnit: "$²");

    /// <summary>
    /// The model trained on scaled data; <paramref name="coefficients"/> are its weight and bias un-scaled to original
    /// units. When the target was scaled too, the loss was in scaled units: a mean squared error times the target
    /// scaler's divisor squared is the same error in $².
    /// </summary>
    public static SettingResult Unscaled(string setting, string optimizer, TrainingRun run, LinearCoefficients coefficients,
        IColumnScaler? targetScaler = null) =>
        new(setting, optimizer, run, coefficients.Coefficients[0], coefficients.Intercept,
            LossToDollarsSquared: targetScaler is null ? 1 : targetScaler.Divisor[0] * targetScaler.Divisor[0],
            LossUnit: targetScaler is null ? "$²" : "(standardized $)²");
}

/// <summary>A run drawn in the picture, under its legend label.</summary>
internal sealed record PlottedRun(string Label, SettingResult Result);
