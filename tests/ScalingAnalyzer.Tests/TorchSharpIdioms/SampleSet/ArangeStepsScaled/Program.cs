using TorchSharp;
using static TorchSharp.torch;

namespace ArangeSteps
{
    internal static class Program
    {
        private static void Main()
        {
            const int Steps = 240;
            var t = torch.arange(0, Steps).to_type(ScalarType.Float32).reshape(-1, 1);
            var phase = t / Steps;
            var signal = torch.sin(phase * 2 * Math.PI) + 0.05f * torch.randn(Steps, 1);

            var model = nn.Sequential(nn.Linear(1, 24), nn.Tanh(), nn.Linear(24, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(phase), signal);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
