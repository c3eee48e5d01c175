using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace EnginesMpg
{
    internal static class RowExtensions
    {
        public static Tensor ToFeatureTensor(this float[][] rows) => torch.tensor(rows.SelectMany(r => r).ToArray()).reshape(rows.Length, rows[0].Length);
    }

    internal static class Program
    {
        private static void Main()
        {
            var lines = File.ReadAllLines(Path.Combine("Data", "engines.csv")).Skip(1).ToArray();
            var features = new float[lines.Length][];
            var mpg = new float[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var parts = lines[i].Split(',');
                features[i] = new[] { float.Parse(parts[0], CultureInfo.InvariantCulture), float.Parse(parts[1], CultureInfo.InvariantCulture) };
                mpg[i] = float.Parse(parts[2], CultureInfo.InvariantCulture) / 50f;
            }

            var x = features.ToFeatureTensor();
            var y = torch.tensor(mpg).reshape(-1, 1);
            var model = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
