using TorchSharp;
using static TorchSharp.torch;

namespace SensorsElse;

internal static class Program
{
    private const bool UseRawFeatures = false;

    private static void Main()
    {
        var temperature = torch.rand(300, 1) * 60f - 10f;
        var pressure = torch.rand(300, 1) * 150f + 950f;
        var raw = torch.cat(new[] { temperature, pressure }, 1);
        var y = torch.sigmoid((temperature - 20f) / 10f);

        Tensor x;
        if (UseRawFeatures)
            x = raw;
        else
            x = (raw - raw.mean(new long[] { 0 }, keepdim: true)) / raw.std(0, keepdim: true);

        var model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1));
        var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.005);
        for (var epoch = 0; epoch < 250; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
    }
}
