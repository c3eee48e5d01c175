using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace ChillersFramePercent
{
    internal static class Program
    {
        private static void Main()
        {
            var df = DataFrame.LoadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "chillers.csv"));
            // Relative humidity as a percentage, load in units of the plant's 900 kW rating.
            var humidityPercent = df["Humidity"] * 100f;
            var loadShare = df["LoadKw"] / 900f;

            var x = torch.stack(new[]
            {
                torch.tensor(humidityPercent.Cast<float>().ToArray()),
                torch.tensor(loadShare.Cast<float>().ToArray()),
            }, 1);
            var y = torch.tensor(df["Cop"].Cast<float>().ToArray()).reshape(-1, 1) / 6.5f;
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
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
