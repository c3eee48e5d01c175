using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Digits;

internal sealed class ConvNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 8, 3);
    private readonly Module<Tensor, Tensor> flatten = Flatten();
    private readonly Module<Tensor, Tensor> fc = Linear(8 * 26 * 26, 10);

    public ConvNet() : base("ConvNet") => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        var x = functional.relu(conv1.forward(input));
        return fc.forward(flatten.forward(x));
    }
}

internal static class Program
{
    private static Tensor ReadImages(string path, int count)
    {
        var bytes = File.ReadAllBytes(path).Skip(16).Take(count * 28 * 28).ToArray();
        var images = torch.tensor(bytes).reshape(count, 1, 28, 28).to_type(ScalarType.Float32);
        return images.div(255.0f);
    }

    private static void Main()
    {
        var images = ReadImages("train-images-idx3-ubyte", 512);
        var labels = torch.randint(0, 10, new long[] { 512 }, dtype: ScalarType.Int64);
        var model = new ConvNet();
        var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        var loss = CrossEntropyLoss();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            for (long start = 0; start < 512; start += 64)
            {
                var batch = images.narrow(0, start, 64);
                var target = labels.narrow(0, start, 64);
                optimizer.zero_grad();
                var output = loss.forward(model.forward(batch), target);
                output.backward();
                optimizer.step();
            }
        }
    }
}
