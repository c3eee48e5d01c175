// A project's own scaling helper, which the analyzer cannot see into: SCALE001 still reports the raw sizes; the
// configured consumer lists it in scaling_analyzer.scaling_methods for this file and the warning goes away.
using TorchSharp;

namespace Consumer;

public static class Preprocessing
{
    /// <summary>Standardizes each column in place, with statistics the project keeps elsewhere.</summary>
    public static void StandardizeInPlace(torch.Tensor x)
    {
        using var mean = x.mean(new long[] { 0 }, keepdim: true);
        using var std = x.std(0, keepdim: true);
        x.sub_(mean).div_(std);
    }
}

public static class ScalingMethodsOption
{
    public static void Train()
    {
        var X = torch.linspace(500, 5000, 100).reshape(-1, 1);
        Preprocessing.StandardizeInPlace(X);
        var y = torch.rand(100, 1);

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
