using TorchSharp;
using static TorchSharp.torch;

namespace Curve;

public static class Program
{
    public static void Main()
    {
        var temperatures = new float[] { 265f, 270f, 281f, 290f, 301f, 310f, 322f, 331f, 340f, 352f };
        var rates = new float[] { 0.02f, 0.03f, 0.05f, 0.09f, 0.15f, 0.22f, 0.35f, 0.48f, 0.66f, 0.9f };
        var x = torch.tensor(temperatures).unsqueeze(1);
        
        var y = torch.tensor(rates).unsqueeze(1);
        var model = nn.Linear(1, 1);
        var optimizer = optim.LBFGS(model.parameters(), lr: 0.1);
        var mse = nn.MSELoss();
        for (var i = 0; i < 20; i++)
        {
            optimizer.step(() =>
            {
                optimizer.zero_grad();
                var loss = mse.forward(model.forward(x), y); // SCALE001 expected
                loss.backward();
                return loss;
            });
        }
    }
}
