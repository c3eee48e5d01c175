// A project that references neither TorchSharp nor ML.NET in its code, with its own types named like theirs and a
// "training loop" over raw house sizes: the package must stay silent.
using System;

namespace Plain;

public sealed class Tensor(float[] values)
{
    public float[] Values { get; } = values;
    public Tensor Multiply(float factor) => new(Array.ConvertAll(Values, v => v * factor));
}

public sealed class Linear
{
    public float Weight { get; private set; }
    public Tensor forward(Tensor input) => input.Multiply(Weight);
    public void Update(float delta) => Weight += delta;
}

public sealed class Adam(Linear model, double lr)
{
    public void zero_grad() { }
    public void step() => model.Update((float)lr);
}

public sealed class MSELoss
{
    public double forward(Tensor prediction, Tensor target)
    {
        var sum = 0.0;
        for (var i = 0; i < target.Values.Length; i++)
        {
            sum += Math.Pow(prediction.Values[i] - target.Values[i], 2);
        }
        return sum / target.Values.Length;
    }
}

public static class Program
{
    public static void Main()
    {
        var X = new Tensor([500f, 1200f, 2500f, 5000f]);
        var y = new Tensor([70_000f, 140_000f, 270_000f, 520_000f]);
        var model = new Linear();
        var optimizer = new Adam(model, lr: 0.001);
        var lossFunction = new MSELoss();
        var loss = 0.0;
        for (var epoch = 0; epoch < 200; epoch++)
        {
            optimizer.zero_grad();
            loss = lossFunction.forward(model.forward(X), y);
            optimizer.step();
        }
        Console.WriteLine($"loss {loss}");
    }
}
