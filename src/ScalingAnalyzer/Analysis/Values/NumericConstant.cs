using System;
using System.Globalization;

namespace ScalingAnalyzer.Analysis;

/// <summary>Compile-time constants of C#'s numeric types, as the analyses read them.</summary>
internal static class NumericConstant
{
    /// <summary>The constant as a double; null when it is not of a numeric type (a string, a bool, a char, null).</summary>
    public static double? ToDouble(object? value) => value switch
    {
        int or long or short or byte or sbyte or uint or ulong or ushort or float or double or decimal
            => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>An integer constant (its tensor would hold indices or counts, not measurements).</summary>
    public static bool IsInteger(object? value) => value is int or long or short or byte or sbyte or uint or ulong or ushort;
}
