using TorchSharp;
using static TorchSharp.torch;

namespace StoreVisits
{
    internal static class Program
    {
        private static void Main()
        {
            var random = new Random(5);
            var visits = new int[500];
            var promotions = new int[500];
            var converted = new float[500];
            for (var i = 0; i < visits.Length; i++)
            {
                visits[i] = random.Next(0, 5000);
                promotions[i] = random.Next(0, 2);
                converted[i] = (float)random.NextDouble();
            }
            var x = torch.stack(new[] { torch.tensor(visits), torch.tensor(promotions) }, 1).to_type(ScalarType.Float32);
            var y = torch.tensor(converted).unsqueeze(1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
