using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Greenhouse
{
    internal static class Models
    {
        /// <summary>The readings differ by orders of magnitude: the first layer normalizes them.</summary>
        public static Sequential GrowthModel(int inputs) => Sequential(
            ("norm", BatchNorm1d(inputs)),
            ("hidden", Linear(inputs, 12)),
            ("relu", ReLU()),
            ("out", Linear(12, 1)));
    }

    internal static class Program
    {
        private static void Main()
        {
            var rows = File.ReadAllLines("Data/greenhouse.csv").Skip(1).Select(l => l.Split(',')).ToArray();
            var x = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
            var y = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);
            var model = Models.GrowthModel(3);
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                model.train();
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
