using System;
using System.Globalization;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Numbers as messages show them: two significant digits, exponent form outside [0.001, 100000). Whole numbers
/// below 1000 stay exact, so pixel data reads [0, 255] rather than [0, 260].
/// </summary>
internal static class NumberText
{
    public static string Round(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        if (value == Math.Floor(value) && Math.Abs(value) < 1000)
            return value.ToString("0", CultureInfo.InvariantCulture);
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var scale = Math.Pow(10, exponent - 1);
        var rounded = Math.Round(value / scale) * scale;
        // Rounding can carry into the next power of ten (9.96 -> 10).
        exponent = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        if (exponent >= 5 || exponent < -3)
        {
            var mantissa = rounded / Math.Pow(10, exponent);
            return Math.Round(mantissa, 1).ToString("0.#", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }
        var decimals = Math.Max(0, 1 - exponent);
        return Math.Round(rounded, decimals).ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
    }
}
