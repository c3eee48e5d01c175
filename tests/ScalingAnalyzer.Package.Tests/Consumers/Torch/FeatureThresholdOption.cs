// Values in [0, 50]: above the default magnitude threshold (10), so SCALE001 reports them; the configured
// consumer raises scaling_analyzer.feature_magnitude_threshold to 100 for this file and the warning goes away.
using TorchSharp;

namespace Consumer;

public static class FeatureThresholdOption
{
    public static void Train()
    {
        var X = torch.linspace(0, 50, 64).reshape(-1, 1);
        var y = torch.rand(64, 1);

        var model = torch.nn.Linear(1, 1);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01);
        var lossFunction = torch.nn.MSELoss();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = lossFunction.forward(model.forward(X), y); // expect SCALE001 at "X)" except configured
            loss.backward();
            optimizer.step();
        }
    }
}
