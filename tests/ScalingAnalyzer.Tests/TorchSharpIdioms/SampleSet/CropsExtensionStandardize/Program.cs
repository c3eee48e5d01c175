using TorchSharp;
using static TorchSharp.torch;

namespace CropsStandardized
{
    internal static class TensorExtensions
    {
        public static Tensor Standardize(this Tensor values)
        {
            var mean = values.mean(new long[] { 0 }, keepdim: true);
            var std = values.std(0, keepdim: true);
            return (values - mean) / std;
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var rainfall = torch.rand(300, 1) * 1800 + 200;
            var fertilizer = torch.rand(300, 1) * 250;
            var yieldTonnes = (rainfall * 0.002 + fertilizer * 0.01 + torch.randn(300, 1)) / 10;
            var x = torch.cat(new[] { rainfall, fertilizer }, 1).Standardize();

            var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 250; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), yieldTonnes);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
