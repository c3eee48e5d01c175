using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace BikesAsync
{
    internal static class BikeData
    {
        public static async Task<(Tensor Features, Tensor Rentals)> LoadAsync(string path)
        {
            var lines = await File.ReadAllLinesAsync(path);
            var features = new float[lines.Length - 1, 3];
            var rentals = new float[lines.Length - 1, 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var values = lines[i].Split(',');
                for (var j = 0; j < 3; j++)
                    features[i - 1, j] = float.Parse(values[j], CultureInfo.InvariantCulture);
                rentals[i - 1, 0] = float.Parse(values[3], CultureInfo.InvariantCulture);
            }
            return (torch.tensor(features), torch.tensor(rentals));
        }
    }

    internal static class Program
    {
        private static async Task Main()
        {
            var (x, y) = await BikeData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "Data", "bikes.csv"));
            var model = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 250; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
