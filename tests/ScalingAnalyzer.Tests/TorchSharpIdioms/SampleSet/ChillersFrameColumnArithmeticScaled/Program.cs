using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;

namespace ChillersFrameArithmetic
{
    internal static class Program
    {
        private static DataFrameColumn MinMax(DataFrameColumn column)
        {
            var min = Convert.ToSingle(column.Min());
            var max = Convert.ToSingle(column.Max());
            return (column - min) / (max - min);
        }

        private static void Main()
        {
            var df = DataFrame.LoadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "chillers.csv"));
            var load = df["LoadKw"];
            var loadMean = Convert.ToSingle(load.Mean());
            var loadRange = Convert.ToSingle(load.Max()) - Convert.ToSingle(load.Min());
            var loadCentred = (load - loadMean) / loadRange;
            var temperature = MinMax(df["OutdoorTemp"]);

            var features = torch.stack(new[]
            {
                torch.tensor(loadCentred.Cast<float>().ToArray()),
                torch.tensor(temperature.Cast<float>().ToArray()),
            }, 1);
            var target = torch.tensor(df["Cop"].Cast<float>().ToArray()).reshape(-1, 1) / 6.5f;
            var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(features), target);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
