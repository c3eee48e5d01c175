using TorchSharp;
using static TorchSharp.torch;

public static class Program
{
    public static void Main()
    {
        var x = torch.linspace(0, 10000, 800).reshape(200, 4);
        var y = torch.randn(200, 1);
        
        var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1));
        var opt = optim.SGD(model.parameters(), 0.01);
        var mse = nn.MSELoss();
        for (var i = 0; i < 100; i++)
        {
            opt.zero_grad();
            var loss = mse.forward(model.forward(x), y); // SCALE001 expected
            loss.backward();
            opt.step();
        }
    }
}
