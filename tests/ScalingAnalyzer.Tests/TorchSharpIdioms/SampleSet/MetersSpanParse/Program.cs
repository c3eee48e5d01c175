using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace MetersSpan
{
    internal static class Program
    {
        private static float ParseField(ReadOnlySpan<char> field) => float.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static void Main()
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "meters.csv"));
            Memory<float> usage = new float[(lines.Length - 1) * 2];
            var cost = new float[lines.Length - 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var span = lines[i].AsSpan();
                var first = span.IndexOf(';');
                var second = span[(first + 1)..].IndexOf(';') + first + 1;
                usage.Span[(i - 1) * 2] = ParseField(span[..first]);
                usage.Span[(i - 1) * 2 + 1] = ParseField(span[(first + 1)..second]);
                cost[i - 1] = ParseField(span[(second + 1)..]);
            }

            var x = torch.tensor(usage.ToArray()).reshape(-1, 2);
            var y = torch.tensor(cost).reshape(-1, 1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.001);
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE004 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
