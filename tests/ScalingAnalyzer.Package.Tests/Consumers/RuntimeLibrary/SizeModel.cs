// A class library that uses the runtime (the package ScalingAnalyzer.Runtime, which brings the analyzers): its build
// reports SCALE001 on its own raw training data; the projects that reference it get the runtime assembly and no
// analyzer diagnostics.
using ScalingAnalyzer.Runtime;
using TorchSharp;

namespace RuntimeLibrary;

public static class SizeModel
{
    /// <summary>Standardizes <paramref name="sizes"/> with the runtime library's scaler.</summary>
    public static double[] Standardize(double[] sizes) => StandardScaler.Fit(sizes).Transform(sizes);

    public static void TrainOnRawSizes()
    {
        var X = torch.linspace(500, 5000, 64).reshape(-1, 1);
        var y = X * 0.001;
        var model = torch.nn.Linear(1, 1);
        var optimizer = torch.optim.SGD(model.parameters(), learningRate: 1e-3);
        for (var step = 0; step < 10; step++)
        {
            optimizer.zero_grad();
            var loss = torch.nn.functional.mse_loss(model.forward(X), y); // expect SCALE001 at "X)"
            loss.backward();
            optimizer.step();
        }
    }
}
