using TorchSharp;
using static TorchSharp.torch;

public static class Program
{
    private static List<(Tensor Input, Tensor Target)> MakeBatches(int count)
    {
        var batches = new List<(Tensor, Tensor)>();
        for (var b = 0; b < count; b++)
        {
            var input = torch.randint(1000, 9000, new long[] { 32, 2 }).to_type(ScalarType.Float32);
            var target = torch.randn(32, 1);
            batches.Add((input, target));
        }
        return batches;
    }

    public static void Main()
    {
        var batches = MakeBatches(20);
        var model = nn.Linear(2, 1);
        var optimizer = optim.SGD(model.parameters(), 1e-3);
        var criterion = nn.MSELoss();
        foreach (var epoch in Enumerable.Range(0, 10))
        {
            foreach (var (input, target) in batches)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(input), target); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
