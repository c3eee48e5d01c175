using System;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScalingAnalyzer.Runtime.Tests;

public class LinearModelUnscalerTests(ITestOutputHelper output)
{
    [Fact]
    public void ExactModelOnScaledDataUnscalesToTheOriginalCoefficients()
    {
        // y = 3 + 2·x0 - 5·x1 exactly; solve on scaled data, un-scale, read the original numbers back.
        var random = new Random(5);
        var x = Matrices.Random(random, 50, 2, j => j == 0 ? 1500 : -3, j => j == 0 ? 1000 : 0.01);
        var y = Enumerable.Range(0, 50).Select(i => 3 + 2 * x[i, 0] - 5 * x[i, 1]).ToArray();
        foreach (var (featureScaler, targetScaler) in new (IColumnScaler, IColumnScaler?)[]
                 {
                     (StandardScaler.Fit(x), StandardScaler.Fit(y)),
                     (MinMaxScaler.Fit(x), MinMaxScaler.Fit(y, -1, 1)),
                     (StandardScaler.Fit(x), null),
                 })
        {
            var scaledY = targetScaler?.Transform(y) ?? y;
            var onScaled = LeastSquares.Fit(featureScaler.Transform(x), scaledY);

            var unscaled = LinearModelUnscaler.Unscale(onScaled.Coefficients, onScaled.Intercept, featureScaler, targetScaler);

            Matrices.AssertClose(2, unscaled.Coefficients[0], 1e-10, what: "coefficient 0");
            Matrices.AssertClose(-5, unscaled.Coefficients[1], 1e-9, what: "coefficient 1");
            Matrices.AssertClose(3, unscaled.Intercept, 1e-8, what: "intercept");
        }
    }

    [Fact]
    public void TorchSharpTrainingOnScaledDataUnscalesToTheLeastSquaresAnswer()
    {
        // House prices in the seed's spirit: price ≈ 50 000 + 100·sqft - 2 000·age + noise.
        const int n = 400;
        var random = new Random(42);
        var x = new double[n, 2];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = 500 + 3000 * random.NextDouble();
            x[i, 1] = 50 * random.NextDouble();
            y[i] = 50_000 + 100 * x[i, 0] - 2_000 * x[i, 1] + 10_000 * (random.NextDouble() - 0.5);
        }
        var featureScaler = StandardScaler.Fit(x);
        var targetScaler = StandardScaler.Fit(y);

        using var scope = NewDisposeScope();
        manual_seed(42);
        var features = tensor(featureScaler.Transform(x), dtype: ScalarType.Float32);
        var target = tensor(targetScaler.Transform(y), dtype: ScalarType.Float32).reshape(n, 1);
        var model = nn.Linear(2, 1);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        var loss = 0.0;
        for (var step = 0; step < 600; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var batchLoss = nn.functional.mse_loss(model.forward(features), target);
            batchLoss.backward();
            optimizer.step();
            loss = batchLoss.ToDouble();
        }

        var unscaled = LinearModelUnscaler.Unscale(model.weight!, model.bias!, featureScaler, targetScaler);
        var reference = LeastSquares.Fit(x, y);

        // How far the training got, measured where it trained: against the exact optimum on scaled data.
        var scaledOptimum = LeastSquares.Fit(featureScaler.Transform(x), targetScaler.Transform(y));
        var weights = model.weight!.detach().to(ScalarType.Float64).data<double>().ToArray();
        var bias = model.bias!.detach().to(ScalarType.Float64).ToDouble();
        var trainingError = Math.Max(weights.Zip(scaledOptimum.Coefficients, (a, b) => Math.Abs(a - b)).Max(),
            Math.Abs(bias - scaledOptimum.Intercept));
        output.WriteLine($"final loss {loss:G6}; max |parameter - optimum| on scaled data {trainingError:G3}");
        Assert.True(trainingError < 1e-3, $"training did not converge: {trainingError:G3}");

        // Un-scaling is linear, so the original-unit error is the scaled error mapped by ty / s_j (plus float32 rounding).
        var targetScale = targetScaler.Scale[0];
        for (var j = 0; j < 2; j++)
        {
            var allowed = 2 * targetScale / featureScaler.Scale[j] * (trainingError + 1e-6);
            Matrices.AssertClose(reference.Coefficients[j], unscaled.Coefficients[j], 0, allowed, $"coefficient {j}");
        }
        var interceptAllowed = 2 * targetScale * (trainingError + 1e-6) *
                               (1 + Enumerable.Range(0, 2).Sum(j => Math.Abs(featureScaler.Mean[j] / featureScaler.Scale[j])));
        Matrices.AssertClose(reference.Intercept, unscaled.Intercept, 0, interceptAllowed, "intercept");
        output.WriteLine($"unscaled {string.Join(", ", unscaled.Coefficients.Select(c => c.ToString("F3")))}, {unscaled.Intercept:F1}; " +
                         $"least squares {string.Join(", ", reference.Coefficients.Select(c => c.ToString("F3")))}, {reference.Intercept:F1}");
    }

    [Fact]
    public void BadParametersAreRefused()
    {
        var scaler = StandardScaler.Fit(new double[,] { { 1, 2 }, { 3, 5 }, { 4, 4 } });
        var twoColumns = StandardScaler.Fit(new double[,] { { 1, 2 }, { 3, 5 } });

        var wrongCount = Assert.Throws<ArgumentException>(() => LinearModelUnscaler.Unscale([1.0], 0, scaler));
        Assert.Contains("weights has 1 entries but the feature scaler was fitted on 2 column(s)", wrongCount.Message);
        var diverged = Assert.Throws<ArgumentException>(() => LinearModelUnscaler.Unscale([1.0, double.NaN], 0, scaler));
        Assert.Contains("weights contains NaN at index 1: the training diverged", diverged.Message);
        var badBias = Assert.Throws<ArgumentException>(() => LinearModelUnscaler.Unscale([1.0, 2.0], double.PositiveInfinity, scaler));
        Assert.Contains("bias is positive infinity", badBias.Message);
        var wideTarget = Assert.Throws<ArgumentException>(() => LinearModelUnscaler.Unscale([1.0, 2.0], 0, scaler, twoColumns));
        Assert.Contains("target scaler was fitted on 2 columns", wideTarget.Message);
        using var twoOutputs = zeros(2, 2);
        using var bias = zeros(2);
        var shape = Assert.Throws<ArgumentException>(() => LinearModelUnscaler.Unscale(twoOutputs, bias, scaler));
        Assert.Contains("weight has shape [2, 2]; a single-output linear layer has weight [1, k]", shape.Message);
        using var weight = zeros(1, 2);
        var biasShape = Assert.Throws<ArgumentException>(() => LinearModelUnscaler.Unscale(weight, bias, scaler));
        Assert.Contains("bias has shape [2]", biasShape.Message);
    }
}
