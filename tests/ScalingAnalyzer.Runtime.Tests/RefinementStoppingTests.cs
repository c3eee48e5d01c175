using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Regression;
using ScalingAnalyzer.Runtime.Tests.Support;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>
/// When the refinement stops: after one step when the estimated condition shows that step reached rounding level (a
/// second could only confirm it), otherwise when the corrections stop shrinking. The NIST floors
/// (<see cref="NistAccuracyTests"/>) check that stopping early never costs a digit: Wampler5, for one, now stops after
/// one step at 15.0 digits.
/// </summary>
public class RefinementStoppingTests
{
    [Fact]
    public void AWellConditionedTallProblemStopsAfterOneStepAtTheExactAnswer()
    {
        // Small integers everywhere: y = X·β holds exactly in float64, so the least-squares answer is β itself.
        var random = new Random(5);
        const int rows = 20_000;
        int[] beta = [3, -2, 7, 1, -5];
        var columns = beta.Select((_, j) => Enumerable.Range(0, rows).Select(_ => (double)random.Next(-50, 51) + (j == 0 ? 200 : 0)).ToArray()).ToArray();
        var y = Enumerable.Range(0, rows).Select(i => beta.Select((b, j) => b * columns[j][i]).Sum()).ToArray();

        var solution = RefinedLeastSquaresSolver.Solve(columns, y, j => $"column {j}");

        Assert.Equal(1, solution.RefinementSteps);
        for (var j = 0; j < beta.Length; j++)
            Assert.True(Math.Abs(solution.Coefficients[j] - beta[j]) <= 4.5e-16 * Math.Abs(beta[j]),
                $"coefficient {j}: {solution.Coefficients[j]:R} against {beta[j]}");
        Assert.Equal(0, solution.ResidualSumOfSquares);
    }

    [Fact]
    public void AProblemTooIllConditionedForOneStepRefinesOn()
    {
        const string name = "Filip";
        var data = NistDataset.Load(name);
        var design = data.DesignWithoutIntercept();
        var columns = Enumerable.Range(0, design.GetLength(1)).Select(j => Matrices.Column(design, j)).ToList();
        if (data.HasIntercept) columns.Insert(0, Enumerable.Repeat(1.0, data.Y.Length).ToArray());

        var solution = RefinedLeastSquaresSolver.Solve(columns.ToArray(), data.Y, j => $"column {j}");

        Assert.True(solution.RefinementSteps >= 2, $"{name}: {solution.RefinementSteps} refinement step(s)");
    }
}
