using System.Text;
using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace ChillersFrameLog
{
    internal static class Program
    {
        private static void Main()
        {
            var df = DataFrame.LoadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "chillers.csv"));
            var temperature = df["OutdoorTemp"].Cast<float>().ToArray();
            var load = df["LoadKw"].Cast<float>().ToArray();
            var cop = df["Cop"].Cast<float>().ToArray();

            var features = torch.stack(new[] { torch.tensor(temperature), torch.tensor(load) }, 1);
            var target = torch.tensor(cop).reshape(-1, 1) / 6.5f;
            var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            var log = new StringBuilder();
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(features), target); // SCALE001 expected
                loss.backward();
                optimizer.step();
                if (epoch % 50 == 0)
                    log.Append("epoch ").Append(epoch).Append(": ").Append(loss.item<float>()).AppendLine();
            }
            Console.Write(log.ToString());
        }
    }
}
