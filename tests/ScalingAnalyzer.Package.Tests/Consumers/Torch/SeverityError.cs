// The configured consumer's .editorconfig sets dotnet_diagnostic.SCALE001.severity = error for this file.
using TorchSharp;

namespace Consumer;

public static class SeverityError
{
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
            var loss = lossFunction.forward(prediction, y); // expect SCALE003 at "y)"
            loss.backward();
            optimizer.step();
        }
    }
}
