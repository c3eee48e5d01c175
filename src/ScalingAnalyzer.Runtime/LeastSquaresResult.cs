using System;
using System.Collections.Generic;

namespace ScalingAnalyzer.Runtime;

/// <summary>The answer of <see cref="LeastSquares"/>: a fitted linear model and how well it fits.</summary>
/// <param name="Coefficients">One coefficient per feature column, in original units.</param>
/// <param name="Intercept">The intercept; 0 for a model fitted without one.</param>
/// <param name="RSquared">
/// Coefficient of determination. With an intercept, 1 - SSR / Σ(y - ȳ)²; without one, the uncentered
/// 1 - SSR / Σy² (as NIST StRD certifies for NoInt1/NoInt2). 1 when y has no spread and the fit is exact.
/// </param>
/// <param name="ResidualStandardError">√(SSR / (n - p)) with p counting the intercept; NaN when n = p (no degrees of freedom left).</param>
/// <param name="Observations">Number of rows n the model was fitted on.</param>
public sealed record LeastSquaresResult(IReadOnlyList<double> Coefficients, double Intercept,
    double RSquared, double ResidualStandardError, int Observations)
{
    /// <summary>Predicted y for one row of features: <c>Intercept + Σ Coefficients[j] · features[j]</c>.</summary>
    /// <exception cref="ArgumentException">The number of features differs from the number of coefficients.</exception>
    public double Predict(IReadOnlyList<double> features)
    {
        if (features is null) throw new ArgumentNullException(nameof(features));
        if (features.Count != Coefficients.Count)
            throw new ArgumentException(
                $"features has {features.Count} value(s) but the model has {Coefficients.Count} coefficient(s).", nameof(features));
        var sum = new CompensatedSum();
        sum.Add(Intercept);
        for (var j = 0; j < features.Count; j++) sum.Add(Coefficients[j] * features[j]);
        return sum.Value;
    }
}
