using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Crops
{
    internal static class Program
    {
        private const int FeatureCount = 3;

        private static void Main()
        {
            var lines = File.ReadAllLines("Data/crops.csv");
            var rows = lines.Length - 1;
            var table = new double[rows, FeatureCount];
            var yields = new double[rows, 1];
            for (var r = 1; r < lines.Length; r++)
            {
                var cells = lines[r].Split(',');
                for (var c = 0; c < FeatureCount; c++)
                    table[r - 1, c] = double.Parse(cells[c], CultureInfo.InvariantCulture);
                yields[r - 1, 0] = double.Parse(cells[3], CultureInfo.InvariantCulture);
            }

            var x = torch.from_array(table).to_type(ScalarType.Float32);
            var y = torch.from_array(yields).to_type(ScalarType.Float32);

            var model = Sequential(Linear(FeatureCount, 8), ReLU(), Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
            for (var epoch = 0; epoch < 400; epoch++)
            {
                optimizer.zero_grad();
                var prediction = model.forward(x); // SCALE001 expected
                var loss = functional.mse_loss(prediction, y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
