// [SuppressMessage] on the method silences SCALE003 in it; SCALE001 still shows.
using System.Diagnostics.CodeAnalysis;
using TorchSharp;

namespace Consumer;

public static class AttributeSuppressed
{
    [SuppressMessage("Scaling", "SCALE003:Regression target is out of an adaptive optimizer's reach", Justification = "predictions are compared in scaled units")]
    public static void Train()
    {
        var X = torch.linspace(500, 5000, 100).reshape(-1, 1);
        var y = X * 100 + 20000;

        var model = torch.nn.Linear(1, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
        var lossFunction = torch.nn.MSELoss();
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            var prediction = model.forward(X); // expect SCALE001 at "X)"
            var loss = lossFunction.forward(prediction, y);
            loss.backward();
            optimizer.step();
        }
    }
}
