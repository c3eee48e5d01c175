using ScalingAnalyzer.Runtime;
using ScottPlot;

namespace HousePrices;

/// <summary>
/// Two panels side by side: the training loss over the optimizer steps (log scale, all in $² so the runs compare),
/// and the learned lines over the data with the least-squares line.
/// </summary>
internal static class LossAndFitPlot
{
    private const int PanelWidth = 800;
    private const int Height = 600;

    private static readonly Color[] RunColors =
    [
        Color.FromHex("#d62728"),
        Color.FromHex("#ff7f0e"),
        Color.FromHex("#1f77b4"),
        Color.FromHex("#2ca02c"),
    ];

    private static readonly Color LeastSquaresColor = Colors.Black;

    public static void Write(string path, double[] sizes, double[] prices, LeastSquaresResult leastSquares, params PlottedRun[] runs)
    {
        if (runs.Length > RunColors.Length)
        {
            throw new ArgumentException($"At most {RunColors.Length} runs fit in the picture, got {runs.Length}.", nameof(runs));
        }

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        DrawLosses(multiplot.GetPlot(0), sizes, prices, leastSquares, runs);
        DrawFits(multiplot.GetPlot(1), sizes, prices, leastSquares, runs);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        multiplot.SavePng(path, 2 * PanelWidth, Height);
    }

    private static void DrawLosses(Plot plot, double[] sizes, double[] prices, LeastSquaresResult leastSquares, PlottedRun[] runs)
    {
        // Last to first: the raw run's loss follows the feature-standardized one so closely that it would be hidden under it.
        for (var i = runs.Length - 1; i >= 0; i--)
        {
            var run = runs[i].Result;
            var steps = Enumerable.Range(1, run.Run.StepsTaken).Select(step => (double)step).ToArray();
            var logLosses = run.Run.StepLosses.Select(loss => Math.Log10(loss * run.LossToDollarsSquared)).ToArray();
            var line = plot.Add.ScatterLine(steps, logLosses, RunColors[i]);
            line.LineWidth = i == 0 ? 1 : 1.5f;
            line.LegendText = runs[i].Label;
        }

        var noiseFloor = plot.Add.HorizontalLine(Math.Log10(MeanSquaredError(leastSquares, sizes, prices)), 1.5f, LeastSquaresColor, LinePattern.Dashed);
        noiseFloor.LegendText = "least squares (the noise)";

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => $"1e{exponent:0}",
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Title("Training loss per step (mini-batch MSE, in $²)");
        plot.XLabel("optimizer step");
        plot.YLabel("MSE ($², log scale)");
        plot.ShowLegend(Edge.Bottom);
    }

    private static void DrawFits(Plot plot, double[] sizes, double[] prices, LeastSquaresResult leastSquares, PlottedRun[] runs)
    {
        var data = plot.Add.ScatterPoints(sizes, prices, Colors.Gray);
        data.MarkerSize = 6;
        data.LegendText = "data (100 houses)";

        var left = sizes.Min();
        var right = sizes.Max();
        for (var i = 0; i < runs.Length; i++)
        {
            var run = runs[i].Result;
            var line = plot.Add.Line(left, run.Slope * left + run.Intercept, right, run.Slope * right + run.Intercept);
            line.LineColor = RunColors[i];
            line.LineWidth = 2;
            line.LegendText = $"{runs[i].Label}: {MarkdownTable.Number(run.Slope)} $/sq ft";
        }

        var slope = leastSquares.Coefficients[0];
        var leastSquaresLine = plot.Add.Line(left, slope * left + leastSquares.Intercept, right, slope * right + leastSquares.Intercept);
        leastSquaresLine.LineColor = LeastSquaresColor;
        leastSquaresLine.LineWidth = 2;
        leastSquaresLine.LinePattern = LinePattern.Dashed;
        leastSquaresLine.LegendText = $"least squares: {MarkdownTable.Number(slope)} $/sq ft";

        plot.Title("Learned lines after training, in original units");
        plot.XLabel("size (sq ft)");
        plot.YLabel("price ($)");
        plot.ShowLegend(Alignment.UpperLeft);
    }

    private static double MeanSquaredError(LeastSquaresResult fit, double[] sizes, double[] prices) =>
        sizes.Select((size, i) => Math.Pow(prices[i] - (fit.Coefficients[0] * size + fit.Intercept), 2)).Average();
}
