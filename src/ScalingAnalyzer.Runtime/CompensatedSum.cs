using System;

namespace ScalingAnalyzer.Runtime;

/// <summary>Neumaier's compensated sum: the rounding error of every addition is kept and added back at the end.</summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        var total = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - total) + value : (value - total) + _sum;
        _sum = total;
    }

    public readonly double Value => _sum + _compensation;
}
