using System.Globalization;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>LeastSquares against the certified values of the NIST StRD linear-regression datasets.</summary>
public class NistAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Norris")]
    [InlineData("Pontius")]
    [InlineData("Longley")]
    [InlineData("NoInt1")]
    [InlineData("NoInt2")]
    public void MatchesCertifiedValuesToNineSignificantDigits(string name)
    {
        var data = NistDataset.Load(name);
        var result = LeastSquares.Fit(data.DesignWithoutIntercept(), data.Y, data.HasIntercept);

        var coefficientLres = data.CoefficientLres(result);
        Assert.Equal(data.CertifiedBeta.Length, coefficientLres.Count);
        Assert.All(coefficientLres, lre => Assert.True(lre >= 9, $"{name}: coefficient LRE {lre:F2} < 9 ({string.Join(", ", coefficientLres.Select(l => l.ToString("F2")))})"));
        Assert.True(NistDataset.Lre(result.ResidualStandardError, data.CertifiedResidualSd) >= 9, $"{name}: residual SD {result.ResidualStandardError:R}");
        Assert.True(NistDataset.Lre(result.RSquared, data.CertifiedRSquared) >= 9, $"{name}: R² {result.RSquared:R}");
        Assert.Equal(data.Y.Length, result.Observations);
    }

    /// <summary>
    /// Floors ~0.3–0.5 digit below what this machine measured (see the README table), so a change that loses
    /// accuracy fails while SIMD-width differences between machines do not. The issue's goal is within one
    /// digit of what the float64 data allows: ≥ 6.6 on Filip, ≥ 12 elsewhere; every floor here meets it.
    /// </summary>
    [Theory]
    [InlineData("Norris", 13.5)]
    [InlineData("Pontius", 13.0)]
    [InlineData("NoInt1", 14.2)]
    [InlineData("NoInt2", 14.5)]
    [InlineData("Filip", 7.3)]
    [InlineData("Longley", 14.0)]
    [InlineData("Wampler1", 14.5)]
    [InlineData("Wampler2", 12.7)]
    [InlineData("Wampler3", 14.5)]
    [InlineData("Wampler4", 14.5)]
    [InlineData("Wampler5", 14.5)]
    public void CoefficientLreStaysAboveItsFloor(string name, double floor)
    {
        var data = NistDataset.Load(name);
        var design = data.DesignWithoutIntercept();
        var refined = data.CoefficientLres(LeastSquares.Fit(design, data.Y, data.HasIntercept)).Min();
        var qrOnly = data.CoefficientLres(LeastSquares.Fit(design, data.Y, data.HasIntercept, maxRefinementSteps: 0)).Min();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {qrOnly:F1} | {refined:F1} |"));

        Assert.True(refined >= floor, $"{name}: minimum coefficient LRE {refined:F2} below the floor {floor}");
        Assert.True(refined >= qrOnly - 0.2, $"{name}: refinement made it worse ({qrOnly:F2} -> {refined:F2})");
    }
}
