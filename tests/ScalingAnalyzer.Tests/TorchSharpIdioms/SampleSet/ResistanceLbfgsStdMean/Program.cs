using TorchSharp;
using static TorchSharp.torch;

namespace Resistance;

internal static class Program
{
    private static (Tensor Temperatures, Tensor Ohms) Measurements()
    {
        var kelvin = new double[] { 250, 265, 280, 295, 310, 325, 340, 355, 370, 385, 400 };
        var ohms = kelvin.Select(k => 100.0 * (1 + 0.00385 * (k - 273.15))).ToArray();
        return (torch.tensor(kelvin, dtype: ScalarType.Float32).unsqueeze(-1), torch.tensor(ohms, dtype: ScalarType.Float32).unsqueeze(-1));
    }

    private static void Main()
    {
        var (t, r) = Measurements();
        var (tStd, tMean) = torch.std_mean(t, new long[] { 0 }, true, true);
        var (rStd, rMean) = torch.std_mean(r, new long[] { 0 }, true, true);
        var x = (t - tMean) / tStd;
        var y = (r - rMean) / rStd;

        var model = nn.Sequential(nn.Linear(1, 4), nn.Tanh(), nn.Linear(4, 1));
        var optimizer = torch.optim.LBFGS(model.parameters(), lr: 0.5);
        var mse = nn.MSELoss();

        Tensor Closure()
        {
            optimizer.zero_grad();
            var loss = mse.forward(model.forward(x), y);
            loss.backward();
            return loss;
        }

        for (var i = 0; i < 15; i++)
            optimizer.step(Closure);
    }
}
