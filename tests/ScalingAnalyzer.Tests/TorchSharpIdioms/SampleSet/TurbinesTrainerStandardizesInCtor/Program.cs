using TorchSharp;
using static TorchSharp.torch;

namespace Turbines;

public sealed class PowerTrainer
{
    private readonly Tensor _features;
    private readonly Tensor _power;
    private readonly nn.Module<Tensor, Tensor> _net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1));

    public PowerTrainer(Tensor features, Tensor power)
    {
        var mean = features.mean(new long[] { 0 }, keepdim: true);
        var std = features.std(0, keepdim: true);
        _features = (features - mean) / std;
        _power = power;
    }

    public void Fit(int epochs)
    {
        var optimizer = torch.optim.Adam(_net.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(_net.forward(_features), _power);
            loss.backward();
            optimizer.step();
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var wind = torch.rand(400, 1) * 25f;
        var rpm = torch.rand(400, 1) * 1500f + 300f;
        var power = (wind / 25f).pow(3);
        var trainer = new PowerTrainer(torch.cat(new[] { wind, rpm }, 1), power);
        trainer.Fit(200);
    }
}
