using System.Collections.Generic;

namespace ScalingAnalyzer.Runtime;

/// <summary>A linear model in original units: <c>y = Intercept + Σ Coefficients[j] · x[j]</c>.</summary>
/// <param name="Coefficients">One coefficient per feature column, in the units of y per unit of that feature.</param>
/// <param name="Intercept">Value of y when every feature is zero.</param>
public sealed record LinearCoefficients(IReadOnlyList<double> Coefficients, double Intercept);
