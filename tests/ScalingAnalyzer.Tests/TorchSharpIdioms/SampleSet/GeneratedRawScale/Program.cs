using TorchSharp;
using static TorchSharp.torch;

namespace Synthetic;

internal static class Program
{
    private static (Tensor X, Tensor Y) MakeData(int n)
    {
        var x = torch.rand(n, 3) * 1000;
        var w = torch.tensor(new float[] { 0.5f, -1.5f, 2.0f }).reshape(3, 1);
        var y = x.matmul(w) / 1000 + 0.1f * torch.randn(n, 1);
        return (x, y);
    }

    private static void Main()
    {
        var (x, y) = MakeData(256);
        var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
        var opt = optim.SGD(model.parameters(), learningRate: 0.01);
        var criterion = nn.MSELoss();
        foreach (var epoch in Enumerable.Range(0, 100))
        {
            opt.zero_grad();
            var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
            loss.backward();
            opt.step();
        }
    }
}
