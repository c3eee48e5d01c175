using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace HousesRooms
{
    internal static class Program
    {
        private static void Main()
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv"));
            var n = lines.Length - 1;
            var table = new float[n, 2];
            var prices = new float[n];
            for (var i = 1; i < lines.Length; i++)
            {
                var parts = lines[i].Split(',');
                table[i - 1, 0] = float.Parse(parts[0], CultureInfo.InvariantCulture);
                table[i - 1, 1] = float.Parse(parts[1], CultureInfo.InvariantCulture);
                prices[i - 1] = float.Parse(parts[2], CultureInfo.InvariantCulture) / 100000f;
            }
            // Rooms to tenths; the floor areas are left as they are.
            for (var i = 0; i < n; i++)
                table[i, 1] /= 10f;

            var x = torch.tensor(table);
            var y = torch.tensor(prices).reshape(-1, 1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 1e-3);
            for (var epoch = 0; epoch < 500; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
