using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Reviews;

public sealed class BagOfWords : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> embedding;
    private readonly Module<Tensor, Tensor> classifier;

    public BagOfWords(long vocabulary) : base(nameof(BagOfWords))
    {
        embedding = Embedding(vocabulary, 64);
        classifier = Linear(64, 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => classifier.forward(embedding.forward(tokens).mean(new long[] { 1 }));
}

public static class Program
{
    public static void Main()
    {
        const int vocabulary = 20000;
        var tokens = torch.randint(0, vocabulary, new long[] { 512, 40 }, dtype: ScalarType.Int64);
        var labels = torch.randint(0, 2, new long[] { 512 }, dtype: ScalarType.Int64);
        var model = new BagOfWords(vocabulary);
        var optimizer = optim.Adam(model.parameters(), 0.001);
        var loss = CrossEntropyLoss();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            optimizer.zero_grad();
            var l = loss.forward(model.forward(tokens), labels);
            l.backward();
            optimizer.step();
        }
    }
}
