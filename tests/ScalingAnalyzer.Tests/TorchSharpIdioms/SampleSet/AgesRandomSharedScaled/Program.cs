using TorchSharp;
using static TorchSharp.torch;

namespace AgesScaled
{
    internal static class Program
    {
        private static void Main()
        {
            var ages = new float[300];
            var labels = new long[300];
            for (var i = 0; i < ages.Length; i++)
            {
                var age = Random.Shared.Next(18, 90);
                ages[i] = (age - 18f) / 72f;
                labels[i] = age > 60 ? 1 : 0;
            }
            var x = torch.tensor(ages).unsqueeze(1);
            var y = torch.tensor(labels);
            var model = nn.Sequential(nn.Linear(1, 4), nn.ReLU(), nn.Linear(4, 2));
            var optimizer = torch.optim.SGD(model.parameters(), 0.1);
            var criterion = nn.CrossEntropyLoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
