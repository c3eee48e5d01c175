using System;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// A closed range of real values, or "unknown". Every operation that could overflow, divide by a range containing
/// zero, or otherwise lose a believable bound returns <see cref="Unknown"/>: an unknown bound never produces a warning.
/// </summary>
internal readonly struct Interval : IEquatable<Interval>
{
    public static readonly Interval Unknown = default;

    /// <summary>
    /// The bits of <see cref="Low"/> exclusive-or a NaN's: zero, the default, is "unknown" (a known bound is never NaN),
    /// so an interval is two words rather than three. Every value of the interpreter and every column bound holds one.
    /// </summary>
    private readonly long _lowBits;
    private readonly double _high;
    private const long UnknownBits = 0x7FF8000000000000;

    private Interval(double low, double high)
    {
        _lowBits = BitConverter.DoubleToInt64Bits(low) ^ UnknownBits;
        _high = high;
    }

    public double Low => IsKnown ? BitConverter.Int64BitsToDouble(_lowBits ^ UnknownBits) : 0;
    public double High => _high;
    public bool IsKnown => _lowBits != 0;

    public bool IsConstant => IsKnown && Low == High;

    /// <summary>The largest absolute value in the range.</summary>
    public double Magnitude => IsKnown ? Math.Max(Math.Abs(Low), Math.Abs(High)) : double.PositiveInfinity;

    public static Interval Of(double low, double high)
    {
        if (double.IsNaN(low) || double.IsNaN(high) || double.IsInfinity(low) || double.IsInfinity(high))
            return Unknown;
        return low <= high ? new Interval(low, high) : new Interval(high, low);
    }

    public static Interval Constant(double value) => Of(value, value);

    public Interval Join(Interval other) => IsKnown && other.IsKnown ? Of(Math.Min(Low, other.Low), Math.Max(High, other.High)) : Unknown;

    public static Interval operator +(Interval a, Interval b) => a.IsKnown && b.IsKnown ? Of(a.Low + b.Low, a.High + b.High) : Unknown;

    public static Interval operator -(Interval a, Interval b) => a.IsKnown && b.IsKnown ? Of(a.Low - b.High, a.High - b.Low) : Unknown;

    public static Interval operator -(Interval a) => a.IsKnown ? Of(-a.High, -a.Low) : Unknown;

    public static Interval operator *(Interval a, Interval b)
    {
        if (!a.IsKnown || !b.IsKnown)
            return Unknown;
        double p1 = a.Low * b.Low, p2 = a.Low * b.High, p3 = a.High * b.Low, p4 = a.High * b.High;
        return Of(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
    }

    public static Interval operator /(Interval a, Interval b)
    {
        if (!a.IsKnown || !b.IsKnown || (b.Low <= 0 && b.High >= 0))
            return Unknown;
        return a * Of(1 / b.High, 1 / b.Low);
    }

    public Interval Abs()
    {
        if (!IsKnown)
            return Unknown;
        if (Low >= 0)
            return this;
        if (High <= 0)
            return -this;
        return Of(0, Magnitude);
    }

    /// <summary>x^n for a constant exponent; only integer and square-root exponents have an obvious monotone bound.</summary>
    public Interval Power(double exponent)
    {
        if (!IsKnown)
            return Unknown;
        if (exponent == Math.Floor(exponent) && exponent >= 0 && exponent <= 8)
        {
            if (exponent % 2 == 0)
            {
                var abs = Abs();
                return Of(Math.Pow(abs.Low, exponent), Math.Pow(abs.High, exponent));
            }
            return Of(Math.Pow(Low, exponent), Math.Pow(High, exponent));
        }
        if (exponent > 0 && Low >= 0)
            return Of(Math.Pow(Low, exponent), Math.Pow(High, exponent));
        return Unknown;
    }

    /// <summary>Applies a non-decreasing function, defined on [domainLow, +inf).</summary>
    public Interval Monotone(Func<double, double> function, double domainLow = double.NegativeInfinity)
        => IsKnown && Low >= domainLow ? Of(function(Low), function(High)) : Unknown;

    public Interval Clamp(double? min, double? max)
    {
        if (!IsKnown)
        {
            return min is double lo && max is double hi ? Of(lo, hi) : Unknown;
        }
        var low = Low;
        var high = High;
        if (min is double mn) { low = Math.Max(low, mn); high = Math.Max(high, mn); }
        if (max is double mx) { low = Math.Min(low, mx); high = Math.Min(high, mx); }
        return Of(low, high);
    }

    public bool Equals(Interval other) => IsKnown == other.IsKnown && (!IsKnown || (Low == other.Low && High == other.High));

    public override bool Equals(object? obj) => obj is Interval other && Equals(other);

    public override int GetHashCode() => IsKnown ? Low.GetHashCode() ^ (High.GetHashCode() * 31) : 0;

    public override string ToString() => IsKnown ? "[" + NumberText.Round(Low) + ", " + NumberText.Round(High) + "]" : "unknown";
}
