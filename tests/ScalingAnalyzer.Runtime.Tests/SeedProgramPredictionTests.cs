using System;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>
/// The README's before/after of a program that predicts: the seed program plus the one thing every user does next,
/// <c>model.forward(house)</c> for a 2000 sq ft house. Raw training predicts nonsense; training on scaled data and
/// predicting on the raw house is silently wrong (standardized dollars for raw square feet); the house scaled with the
/// training scaler and the output un-scaled, or the module form that carries both, predicts in dollars. The printed
/// figures are the README's (run with --logger "console;verbosity=detailed").
/// </summary>
public sealed class SeedProgramPredictionTests(ITestOutputHelper output)
{
    private const float HouseSquareFeet = 2000;

    /// <summary>The seed program (lr 1e-2: at 1e-3, 800 Adam steps do not finish the walk even on scaled data).</summary>
    private static (Linear Model, Tensor X, Tensor Y, StandardScaler? XScaler, StandardScaler? YScaler) TrainSeedProgram(bool scaled)
    {
        torch.random.manual_seed(42);
        var x = torch.rand(100, 1) * 4500 + 500;
        var y = 100 * x + 20000 + torch.randn(100, 1) * 10000;
        StandardScaler? xScaler = scaled ? StandardScaler.Fit(x) : null;
        StandardScaler? yScaler = scaled ? StandardScaler.Fit(y) : null;
        var features = xScaler?.Transform(x) ?? x;
        var target = yScaler?.Transform(y) ?? y;
        var model = nn.Linear(1, 1);
        var lossFunction = nn.MSELoss();
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
        for (int epoch = 0; epoch < 200; epoch++)
        {
            for (long start = 0; start < 100; start += 32)
            {
                using var step = torch.NewDisposeScope();
                var length = Math.Min(32, 100 - start);
                optimizer.zero_grad();
                var prediction = model.forward(features.narrow(0, start, length));
                var loss = lossFunction.forward(prediction, target.narrow(0, start, length));
                loss.backward();
                optimizer.step();
            }
        }
        return (model, x, y, xScaler, yScaler);
    }

    [Fact]
    public void OnlyThePredictionThatGoesThroughTheTrainingScalersIsInDollars()
    {
        using var scope = torch.NewDisposeScope();
        var raw = TrainSeedProgram(scaled: false);
        var (model, _, _, xScaler, yScaler) = TrainSeedProgram(scaled: true);

        using var noGrad = torch.no_grad();
        var house = torch.tensor(new[] { HouseSquareFeet }).reshape(1, 1);
        var leastSquares = LeastSquares.Fit(raw.X, raw.Y).Predict([HouseSquareFeet]);
        var rawPrice = raw.Model.forward(house).item<float>();

        var scaledModelRawHouse = model.forward(house).item<float>();
        var throughScalers = yScaler!.InverseTransform(model.forward(xScaler!.Transform(house))).item<float>();
        var served = nn.Sequential(xScaler.AsModule(), model, yScaler.AsInverseModule());
        var moduleForm = served.forward(house).item<float>();

        output.WriteLine($"least squares at {HouseSquareFeet} sq ft: {leastSquares:F0}");
        output.WriteLine($"raw training, model.forward(house): {rawPrice:F0}");
        output.WriteLine($"scaled training, model.forward(house): {scaledModelRawHouse:F0}");
        output.WriteLine($"scaled training, yScaler.InverseTransform(model.forward(xScaler.Transform(house))): {throughScalers:F0}");
        output.WriteLine($"scaled training, nn.Sequential(xScaler.AsModule(), model, yScaler.AsInverseModule()).forward(house): {moduleForm:F0}");

        Assert.True(rawPrice < 0.1 * leastSquares, $"raw training predicted {rawPrice}");
        Assert.True(Math.Abs(scaledModelRawHouse) < 0.01 * leastSquares, $"the scaled model on the raw house gave {scaledModelRawHouse}");
        Assert.True(Math.Abs(throughScalers - leastSquares) <= 0.03 * leastSquares, $"{throughScalers} against {leastSquares}");
        Assert.True(Math.Abs(moduleForm - throughScalers) <= 1e-6 * leastSquares, $"module form {moduleForm}, scalers {throughScalers}");

        // And the module form survives model.save / load into a model built from column counts alone.
        var path = Path.Combine(Path.GetTempPath(), $"seed-program-{Guid.NewGuid():N}.bin");
        try
        {
            served.save(path);
            var loaded = nn.Sequential(new ColumnScaling(1), nn.Linear(1, 1), new ColumnScaling(1, inverse: true));
            loaded.load(path);
            Assert.Equal(moduleForm, loaded.forward(house).item<float>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
