using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace RegionsLoadScaled
{
    internal static class Program
    {
        private static readonly string[] Regions = { "north", "south" };

        private static void Main()
        {
            var inputs = new List<float>();
            var demand = new List<float>();
            foreach (var region in Regions)
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Data", $"load-{region}.csv");
                foreach (var line in File.ReadLines(path).Skip(1))
                {
                    var cells = line.Split(',');
                    inputs.Add(float.Parse(cells[0], CultureInfo.InvariantCulture) / 23f);
                    inputs.Add((float.Parse(cells[1], CultureInfo.InvariantCulture) + 5f) / 35f);
                    demand.Add(float.Parse(cells[2], CultureInfo.InvariantCulture) / 1500f);
                }
            }

            var x = torch.tensor(inputs.ToArray()).reshape(-1, 2);
            var y = torch.tensor(demand.ToArray()).reshape(-1, 1);
            var model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.003);
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
