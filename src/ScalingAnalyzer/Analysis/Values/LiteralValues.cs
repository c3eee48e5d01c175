using System.Collections.Concurrent;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// The value of a numeric literal (<c>0.001</c>, <c>255</c>, <c>100</c> epochs), one object per number and kind: the
/// interpreters evaluate every literal of every training method on each pass over it (a loop's body several times),
/// and a new value per evaluation was the largest single source of the analysis' allocations. Equal literals are the
/// same data, so one identity serves them all; a value holds nothing of a compilation (a number, an origin, a kind), so
/// the table outlives compilations in a compiler server, and it stops growing at <see cref="Capacity"/> numbers (the
/// rest are made anew, as before).
/// </summary>
internal static class LiteralValues
{
    private const int Capacity = 4096;

    private static readonly ConcurrentDictionary<double, AbstractValue> Integers = new();
    private static readonly ConcurrentDictionary<double, AbstractValue> Floating = new();

    public static AbstractValue Of(double number, ElementKind kind)
    {
        var table = kind == ElementKind.Integer ? Integers : Floating;
        if (table.TryGetValue(number, out var value))
            return value;
        value = AbstractValue.Data(Interval.Constant(number), ValueOrigin.Literal, kind);
        // -0.0 equals 0.0 as a key, and a NaN or an infinity is no bound worth keeping: neither is stored.
        // Count is read only here, when a number is first met (it takes every lock of the table).
        if (!double.IsNaN(number) && !double.IsInfinity(number) && System.BitConverter.DoubleToInt64Bits(number) != long.MinValue && table.Count < Capacity)
            value = table.GetOrAdd(number, value);
        return value;
    }
}
