using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HousePrices;

/// <summary>
/// The article's training, written out as a TorchSharp user writes it: nn.Linear(1, 1), mean squared error,
/// mini-batches of 32 in a shuffled order, 200 epochs (4 batches of 100 samples per epoch: 800 steps).
/// </summary>
internal static class Training
{
    public const int Epochs = 200;
    public const int BatchSize = 32;
    public const double ArticleLearningRate = 1e-3;

    // Every setting starts from the same initial weights and sees the same mini-batch order.
    private const long TrainingSeed = 42;

    /// <summary>
    /// The article's training with Adam (its learning rate is 1e-3, <see cref="ArticleLearningRate"/>). Callers pass
    /// the rate as a constant, so the analyzer weighs the target against what 800 steps at that rate can reach
    /// (SCALE003 at the caller's argument).
    /// </summary>
    public static TrainingRun TrainWithAdam(Tensor features, Tensor target, double learningRate)
    {
        torch.manual_seed(TrainingSeed);
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters(), learningRate);
        var lossFunction = nn.MSELoss();
        var stepLosses = new List<double>();
        long sampleCount = features.shape[0];

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            using var epochScope = torch.NewDisposeScope();
            var order = torch.randperm(sampleCount);
            for (long start = 0; start < sampleCount; start += BatchSize)
            {
                using var stepScope = torch.NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(BatchSize, sampleCount - start));
                var prediction = model.forward(features.index_select(0, batch));
                var loss = lossFunction.forward(prediction, target.index_select(0, batch));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                stepLosses.Add(loss.item<float>());
            }
        }

        return TrainingRun.Completed(model, stepLosses, features, target);
    }

    /// <summary>
    /// Plain stochastic gradient descent. Its step is the learning rate times the gradient, and on raw house sizes
    /// the gradient is thousands of times the error: the steps overshoot, grow, and the loss overflows. Training
    /// stops at the first step whose loss is no longer a finite number.
    /// </summary>
    public static TrainingRun TrainWithSgd(Tensor features, Tensor target, double learningRate)
    {
        torch.manual_seed(TrainingSeed);
        var model = nn.Linear(1, 1);
        var optimizer = torch.optim.SGD(model.parameters(), learningRate);
        var lossFunction = nn.MSELoss();
        var stepLosses = new List<double>();
        long sampleCount = features.shape[0];

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            using var epochScope = torch.NewDisposeScope();
            var order = torch.randperm(sampleCount);
            for (long start = 0; start < sampleCount; start += BatchSize)
            {
                using var stepScope = torch.NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(BatchSize, sampleCount - start));
                var prediction = model.forward(features.index_select(0, batch));
                var loss = lossFunction.forward(prediction, target.index_select(0, batch));
                var lossValue = loss.item<float>();
                if (!float.IsFinite(lossValue))
                {
                    return TrainingRun.Diverged(model, stepLosses, lossValue);
                }

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                stepLosses.Add(lossValue);
            }
        }

        return TrainingRun.Completed(model, stepLosses, features, target);
    }
}

/// <summary>
/// What one training run left behind. <see cref="StepLosses"/> holds the mini-batch loss of every optimizer step,
/// so its length is the number of steps taken. <see cref="FinalLoss"/> is the mean squared error over all samples
/// after the last step, in the units the model trained on (for a diverged run: the loss that overflowed).
/// </summary>
internal sealed record TrainingRun(Linear Model, IReadOnlyList<double> StepLosses, double FinalLoss, bool HasDiverged)
{
    public int StepsTaken => StepLosses.Count;

    public double Weight => Model.weight!.item<float>();

    public double Bias => Model.bias!.item<float>();

    public static TrainingRun Completed(Linear model, IReadOnlyList<double> stepLosses, Tensor features, Tensor target)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var meanSquaredError = nn.functional.mse_loss(model.forward(features), target).item<float>();
        return new TrainingRun(model, stepLosses, meanSquaredError, HasDiverged: false);
    }

    public static TrainingRun Diverged(Linear model, IReadOnlyList<double> stepLosses, double overflowedLoss) =>
        new(model, stepLosses, overflowedLoss, HasDiverged: true);
}
