using TorchSharp;
using static TorchSharp.torch;

namespace Sensors;

internal static class Program
{
    private const bool NormalizeInputs = true;

    private static void Main()
    {
        var humidity = torch.rand(256, 1) * 100f;
        var pressure = torch.rand(256, 1) * 200f + 900f;
        var x = torch.cat(new[] { humidity, pressure }, 1);
        var y = (humidity / 100f) * 0.4f + torch.rand(256, 1) * 0.1f;

        if (NormalizeInputs)
        {
            x = (x - x.mean(new long[] { 0 }, keepdim: true)) / x.std(0, keepdim: true);
        }

        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
