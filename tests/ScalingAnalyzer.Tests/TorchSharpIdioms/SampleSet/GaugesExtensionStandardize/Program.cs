using TorchSharp;
using static TorchSharp.torch;

namespace Gauges;

internal static class TensorScaling
{
    public static Tensor Standardize(this Tensor t)
    {
        var mean = t.mean(new long[] { 0 }, keepdim: true);
        var std = t.std(0, keepdim: true);
        return (t - mean) / (std + 1e-6f);
    }
}

internal static class Program
{
    private static void Main()
    {
        var pressureBar = torch.rand(200, 1) * 250f + 20f;
        var flowLpm = torch.rand(200, 1) * 900f + 100f;
        var raw = torch.cat(new[] { pressureBar, flowLpm }, 1);
        var leak = (flowLpm / 1000f - pressureBar / 270f).abs();

        var x = raw.Standardize();
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
        var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 300; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.smooth_l1_loss(model.forward(x), leak);
            loss.backward();
            optimizer.step();
        }
    }
}
