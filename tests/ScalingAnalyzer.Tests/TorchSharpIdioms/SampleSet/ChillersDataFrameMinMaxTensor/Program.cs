using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace ChillersFrameScaled
{
    internal static class Program
    {
        private static Tensor MinMax(Tensor x)
        {
            var (min, _) = x.min(0, keepdim: true);
            var (max, _) = x.max(0, keepdim: true);
            return (x - min) / (max - min);
        }

        private static void Main()
        {
            var df = DataFrame.LoadCsv("Data/chillers.csv");
            var columns = new[] { 0, 1, 2 };
            var features = torch.stack(columns.Select(c => torch.tensor(df.Columns[c].Cast<float>().ToArray())).ToArray(), 1);
            var scaled = MinMax(features);
            var target = torch.tensor(df.Columns[3].Cast<float>().ToArray()).reshape(-1, 1) / 6.5f;
            var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(scaled), target);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
