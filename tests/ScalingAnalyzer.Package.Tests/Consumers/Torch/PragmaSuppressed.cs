// #pragma warning disable silences SCALE001 on the lines it covers; SCALE003 on the next line still shows.
using TorchSharp;

namespace Consumer;

public static class PragmaSuppressed
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
#pragma warning disable SCALE001 // raw sizes on purpose: this file shows the pragma
            var prediction = model.forward(X);
#pragma warning restore SCALE001
            var loss = lossFunction.forward(prediction, y); // expect SCALE003 at "y)"
            loss.backward();
            optimizer.step();
        }
    }
}
