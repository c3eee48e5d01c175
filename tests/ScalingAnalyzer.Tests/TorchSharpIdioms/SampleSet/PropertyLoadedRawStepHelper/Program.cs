using TorchSharp;
using static TorchSharp.torch;

public sealed class Measurements
{
    public Tensor Features { get; private set; } = torch.empty(0);
    public Tensor Targets { get; private set; } = torch.empty(0);

    public void Load()
    {
        var generator = new Random(5);
        var values = new float[300 * 3];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(generator.NextDouble() * 2500.0);
        Features = torch.tensor(values).reshape(300, 3);
        Targets = torch.randn(300, 1);
    }
}

public static class Trainer
{
    public static float TrainStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.forward(x), y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new Measurements();
        data.Load();
        var model = nn.Linear(3, 1);
        var optimizer = optim.Adam(model.parameters(), 0.01);
        for (var epoch = 0; epoch < 100; epoch++)
            Console.WriteLine(Trainer.TrainStep(model, optimizer, data.Features, data.Targets)); // SCALE001 expected
    }
}
