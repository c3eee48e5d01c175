using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Telemetry;

public sealed class TelemetryNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> norm;
    private readonly Module<Tensor, Tensor> hidden;
    private readonly Module<Tensor, Tensor> output;

    public TelemetryNet(long inputs) : base(nameof(TelemetryNet))
    {
        norm = BatchNorm1d(inputs);
        hidden = Linear(inputs, 32);
        output = Linear(32, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var _ = NewDisposeScope();
        var x = norm.forward(input);
        x = functional.relu(hidden.forward(x));
        return output.forward(x).MoveToOuterDisposeScope();
    }
}

public static class Program
{
    public static void Main()
    {
        var rpm = torch.rand(400, 1) * 6000 + 800;
        var temperature = torch.rand(400, 1) * 60 + 40;
        var features = torch.cat(new[] { rpm, temperature }, 1);
        var wear = 0.0001f * rpm + 0.01f * temperature + 0.05f * torch.randn(400, 1);
        var model = new TelemetryNet(2);
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var mse = MSELoss();
        for (var i = 0; i < 300; i++)
        {
            optimizer.zero_grad();
            var loss = mse.forward(model.forward(features), wear);
            loss.backward();
            optimizer.step();
        }
    }
}
