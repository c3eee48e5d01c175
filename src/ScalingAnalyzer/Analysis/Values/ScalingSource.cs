using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>
/// Which scaling a value went through: the statistics it was scaled with (by the identity of the data they were taken
/// of), a fitted runtime scaler, or a constant transform (<c>x / 255f</c>). Two sources are the same scaling when their
/// kinds agree and they were fitted on the same data (or apply the same constant): a module trained on one and served
/// on the other sees the same numbers. A statistic (<c>x.mean()</c>) and a fitted scaler carry the source they apply.
/// </summary>
internal sealed class ScalingSource
{
    public ScalingSource(string kind, object? fittedOn, string description, ISymbol? scaler = null, ISymbol? centre = null, ISymbol? spread = null)
    {
        Kind = kind;
        FittedOn = fittedOn;
        Description = description;
        Scaler = scaler;
        Centre = centre;
        Spread = spread;
    }

    public const string Standardized = "standardized";
    public const string MinMax = "min-max scaled";
    public const string MaxAbs = "max-abs scaled";
    public const string Statistics = "scaled";

    /// <summary>"standardized", "min-max scaled", "divided by 255": how the message names the scaling.</summary>
    public string Kind { get; }

    /// <summary>
    /// The identity of the data the statistics were taken of (compared by reference within one interpretation), or a
    /// string naming a constant transform; null when unknown (then no two sources are known to differ).
    /// </summary>
    public object? FittedOn { get; }

    /// <summary>How the message names it: "xScaler", "the statistics of 'x'", "/ 255f".</summary>
    public string Description { get; }

    /// <summary>The local or field holding the fitted runtime scaler, when the value was scaled through one.</summary>
    public ISymbol? Scaler { get; }

    /// <summary>The local or field holding the centre (or minimum) of a hand-written scaling.</summary>
    public ISymbol? Centre { get; }

    /// <summary>The local or field holding the spread (std, max - min) of a hand-written scaling.</summary>
    public ISymbol? Spread { get; }

    public bool IsConstantTransform => FittedOn is string;

    public ScalingSource WithKind(string kind) => new(kind, FittedOn, Description, Scaler, Centre, Spread);

    public ScalingSource WithHolders(ISymbol? scaler, ISymbol? centre, ISymbol? spread, string? description = null)
        => new(Kind, FittedOn, description ?? Description, scaler ?? Scaler, centre ?? Centre, spread ?? Spread);

    /// <summary>A constant transform: x / divisor.</summary>
    public static ScalingSource DividedBy(double divisor, string text) => new("divided by " + text, "/" + divisor.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "/ " + text);

    /// <summary>True: the same scaling; false: known to differ; null: cannot tell (an unknown side).</summary>
    public static bool? Same(ScalingSource a, ScalingSource b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.FittedOn is null || b.FittedOn is null)
            return null;
        if (a.IsConstantTransform || b.IsConstantTransform)
            return Equals(a.FittedOn, b.FittedOn);
        if (a.Kind != b.Kind && a.Kind != Statistics && b.Kind != Statistics)
            return false;
        return ReferenceEquals(a.FittedOn, b.FittedOn);
    }

    /// <summary>The join at a control-flow merge: kept when both sides are the same scaling, else unknown.</summary>
    public static ScalingSource? Join(ScalingSource? a, ScalingSource? b)
    {
        if (ReferenceEquals(a, b))
            return a;
        if (a is null || b is null)
            return null;
        return Same(a, b) == true ? a : null;
    }

    /// <summary>Equal as far as a loop's fixed point is concerned.</summary>
    public static bool SameFacts(ScalingSource? a, ScalingSource? b)
        => ReferenceEquals(a, b) || (a is not null && b is not null && a.Kind == b.Kind && Equals(a.FittedOn, b.FittedOn));

    public static ImmutableArray<ISymbol> HoldersOf(ScalingSource source)
    {
        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        if (source.Scaler is not null) builder.Add(source.Scaler);
        if (source.Centre is not null) builder.Add(source.Centre);
        if (source.Spread is not null) builder.Add(source.Spread);
        return builder.ToImmutable();
    }
}
