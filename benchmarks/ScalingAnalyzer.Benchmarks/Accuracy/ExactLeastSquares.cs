using System.Numerics;

namespace ScalingAnalyzer.Benchmarks.Accuracy;

/// <summary>
/// The exact least-squares solution of a float64 design, in rational arithmetic: every double is an integer
/// times a power of two, so the normal equations AᵀA·x = Aᵀy hold exactly in BigInteger and Gaussian
/// elimination over fractions solves them with no rounding at all. Its distance from NIST's certified values
/// is what the float64 data allows; no float64 solver can be expected to do better. Small p only (NIST: ≤ 11).
/// </summary>
internal static class ExactLeastSquares
{
    public static double[] Solve(double[][] columns, double[] y)
    {
        var p = columns.Length;
        var n = y.Length;
        var designExponent = columns.SelectMany(c => c).Where(v => v != 0).Select(LowestBitExponent).DefaultIfEmpty(0).Min();
        var targetExponent = y.Where(v => v != 0).Select(LowestBitExponent).DefaultIfEmpty(0).Min();
        var a = columns.Select(c => c.Select(v => ToInteger(v, designExponent)).ToArray()).ToArray();
        var b = y.Select(v => ToInteger(v, targetExponent)).ToArray();

        // Augmented normal equations [AᵀA | Aᵀb] in integers, then elimination over fractions.
        var system = new Fraction[p, p + 1];
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                var sum = BigInteger.Zero;
                for (var i = 0; i < n; i++) sum += a[j][i] * a[k][i];
                system[j, k] = new Fraction(sum, BigInteger.One);
            }
            var right = BigInteger.Zero;
            for (var i = 0; i < n; i++) right += a[j][i] * b[i];
            system[j, p] = new Fraction(right, BigInteger.One);
        }
        for (var pivot = 0; pivot < p; pivot++)
        {
            var row = pivot;
            while (row < p && system[row, pivot].IsZero) row++;
            if (row == p) throw new InvalidOperationException("The design is exactly rank-deficient.");
            if (row != pivot)
                for (var k = 0; k <= p; k++) (system[row, k], system[pivot, k]) = (system[pivot, k], system[row, k]);
            for (var r = 0; r < p; r++)
            {
                if (r == pivot || system[r, pivot].IsZero) continue;
                var factor = system[r, pivot] / system[pivot, pivot];
                for (var k = pivot; k <= p; k++) system[r, k] -= factor * system[pivot, k];
            }
        }
        // A·x = y with A = A'·2^da and y = y'·2^dy gives x = x'·2^(dy - da), x' solving the integer system.
        return Enumerable.Range(0, p)
            .Select(j => Math.ScaleB((system[j, p] / system[j, j]).ToDouble(), targetExponent - designExponent))
            .ToArray();
    }

    /// <summary>The exponent e of the lowest set bit: v is an integer multiple of 2^e.</summary>
    private static int LowestBitExponent(double v)
    {
        var bits = BitConverter.DoubleToInt64Bits(v);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased != 0) mantissa |= 1L << 52;
        var exponent = (biased == 0 ? 1 : biased) - 1075;
        return exponent + BitOperations.TrailingZeroCount(mantissa);
    }

    /// <summary>v·2^-e exactly, for e at or below v's lowest set bit.</summary>
    private static BigInteger ToInteger(double v, int e)
    {
        if (v == 0) return BigInteger.Zero;
        var bits = BitConverter.DoubleToInt64Bits(v);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased != 0) mantissa |= 1L << 52;
        var exponent = (biased == 0 ? 1 : biased) - 1075;
        var magnitude = new BigInteger(mantissa) << (exponent - e);
        return v < 0 ? -magnitude : magnitude;
    }

    private readonly record struct Fraction(BigInteger Numerator, BigInteger Denominator)
    {
        public bool IsZero => Numerator.IsZero;

        private static Fraction Reduced(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            return gcd.IsOne || gcd.IsZero ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
        }

        public static Fraction operator *(Fraction l, Fraction r) => Reduced(l.Numerator * r.Numerator, l.Denominator * r.Denominator);

        public static Fraction operator /(Fraction l, Fraction r) => Reduced(l.Numerator * r.Denominator, l.Denominator * r.Numerator);

        public static Fraction operator -(Fraction l, Fraction r) =>
            Reduced(l.Numerator * r.Denominator - r.Numerator * l.Denominator, l.Denominator * r.Denominator);

        /// <summary>Correct to far better than float64 rounding: the quotient is formed with 120 significant bits first.</summary>
        public double ToDouble()
        {
            if (Numerator.IsZero) return 0;
            var shift = 120 - (int)(Numerator.GetBitLength() - Denominator.GetBitLength());
            var quotient = shift >= 0 ? (Numerator << shift) / Denominator : Numerator / (Denominator << -shift);
            return Math.ScaleB((double)quotient, -shift);
        }
    }
}
