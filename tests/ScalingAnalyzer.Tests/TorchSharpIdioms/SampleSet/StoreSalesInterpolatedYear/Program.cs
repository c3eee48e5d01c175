using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace StoreSales
{
    internal static class Program
    {
        private const int Year = 2024;
        private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Data");

        private static void Main()
        {
            var lines = File.ReadAllLines(Path.Combine(DataFolder, $"sales-{Year}.csv"));
            var rows = lines.Length - 1;
            var x = new float[rows, 2];
            var y = new float[rows, 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                x[i - 1, 0] = float.Parse(cells[0], CultureInfo.InvariantCulture);
                x[i - 1, 1] = float.Parse(cells[1], CultureInfo.InvariantCulture);
                y[i - 1, 0] = float.Parse(cells[2], CultureInfo.InvariantCulture);
            }

            var features = torch.from_array(x);
            var revenue = torch.from_array(y);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.l1_loss(model.call(features), revenue); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
