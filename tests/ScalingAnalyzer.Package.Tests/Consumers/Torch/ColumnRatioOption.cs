// Two columns spanning [0, 1] and [0, 5]: within the default magnitude threshold (10) and column ratio (100), so
// nothing is reported; the configured consumer lowers scaling_analyzer.column_scale_ratio to 2 for this file,
// and then the columns' scales differ too much.
using TorchSharp;

namespace Consumer;

public static class ColumnRatioOption
{
    public static void Train()
    {
        var rooms = torch.linspace(0, 1, 64);
        var floors = torch.linspace(0, 5, 64);
        var X = torch.stack(new[] { rooms, floors }, 1);
        var y = torch.rand(64, 1);

        var model = torch.nn.Linear(2, 1);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01);
        var lossFunction = torch.nn.MSELoss();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            optimizer.zero_grad();
            var loss = lossFunction.forward(model.forward(X), y); // expect SCALE001 at "X)" only configured
            loss.backward();
            optimizer.step();
        }
    }
}
