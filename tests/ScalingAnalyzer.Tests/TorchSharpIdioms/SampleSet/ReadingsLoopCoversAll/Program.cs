using TorchSharp;
using static TorchSharp.torch;

namespace ReadingsWholeLoop
{
    internal static class Program
    {
        private const int Total = 400;

        private static void Main()
        {
            var random = new Random(3);
            var pressure = new float[Total];
            for (var i = 0; i < Total; i++)
                pressure[i] = 950f + (float)random.NextDouble() * 100f;

            // Every reading is brought to unit scale.
            for (var i = 0; i < Total; i++)
                pressure[i] = (pressure[i] - 950f) / 100f;

            var x = torch.tensor(pressure).reshape(-1, 1);
            var y = torch.rand(Total, 1);
            var model = nn.Linear(1, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
