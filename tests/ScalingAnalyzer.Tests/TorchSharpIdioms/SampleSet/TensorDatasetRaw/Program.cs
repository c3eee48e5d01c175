using TorchSharp;
using static TorchSharp.torch;

namespace Loader;

public static class Program
{
    public static void Main()
    {
        var generator = new Random(3);
        var sizes = Enumerable.Range(0, 300).Select(_ => (float)generator.Next(400, 4000)).ToArray();
        var ages = Enumerable.Range(0, 300).Select(_ => (float)generator.Next(0, 80)).ToArray();
        var x = torch.stack(new[] { torch.tensor(sizes), torch.tensor(ages) }, 1);
        
        var y = torch.randn(300, 1);
        using var dataset = torch.utils.data.TensorDataset(x, y);
        using var loader = torch.utils.data.DataLoader(dataset, batchSize: 25, shuffle: true);
        var model = nn.Linear(2, 1);
        var optimizer = optim.SGD(model.parameters(), 0.01);
        var criterion = nn.MSELoss();
        for (var epoch = 0; epoch < 10; epoch++)
        {
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(batch[0]), batch[1]); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
