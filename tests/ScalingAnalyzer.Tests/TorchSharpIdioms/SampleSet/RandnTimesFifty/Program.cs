using TorchSharp;
using static TorchSharp.torch;

namespace RandnScaledUp
{
    internal static class Program
    {
        private static (Tensor, Tensor) MakeBlobs(int perClass)
        {
            var centres = torch.tensor(new float[,] { { -100f, 40f, 0f }, { 120f, -60f, 30f } });
            var a = torch.randn(perClass, 3) * 50 + centres[0];
            var b = torch.randn(perClass, 3) * 50 + centres[1];
            var labels = torch.cat(new[] { torch.zeros(perClass, dtype: ScalarType.Int64), torch.ones(perClass, dtype: ScalarType.Int64) });
            return (torch.cat(new[] { a, b }), labels);
        }

        private static void Main()
        {
            var (points, labels) = MakeBlobs(200);
            var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2));
            var optimizer = torch.optim.SGD(model.parameters(), 0.1);
            var criterion = nn.CrossEntropyLoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(points), labels); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
