using TorchSharp;
using static TorchSharp.torch;

namespace SharedRandom
{
    internal static class SyntheticData
    {
        public static IEnumerable<float[]> Rows(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var distance = Random.Shared.NextSingle() * 1000f;
                var load = Random.Shared.NextSingle();
                yield return new[] { distance, load, distance * 0.001f + load };
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = SyntheticData.Rows(256).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Take(2)).ToArray()).reshape(-1, 2);
            var y = torch.tensor(rows.Select(r => r[2]).ToArray()).reshape(-1, 1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.05);
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
