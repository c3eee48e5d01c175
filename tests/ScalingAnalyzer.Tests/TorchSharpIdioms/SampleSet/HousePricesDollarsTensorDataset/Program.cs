using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Housing
{
    internal static class Program
    {
        private static (Tensor Features, Tensor Prices) Load(string path)
        {
            var features = new List<float>();
            var prices = new List<float>();
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var parts = line.Split(',');
                for (var k = 0; k < 3; k++)
                    features.Add(float.Parse(parts[k], CultureInfo.InvariantCulture));
                prices.Add(float.Parse(parts[3], CultureInfo.InvariantCulture));
            }
            return (torch.tensor(features.ToArray()).reshape(-1, 3), torch.tensor(prices.ToArray()).reshape(-1, 1));
        }

        private static void Main()
        {
            var (features, prices) = Load("Data/sales.csv");
            // The areas and the year standardized; the prices left in dollars.
            var scaled = (features - features.mean(new long[] { 0 })) / features.std(0);
            using var dataset = torch.utils.data.TensorDataset(scaled, prices);
            using var loader = torch.utils.data.DataLoader(dataset, 4, shuffle: true);

            var model = Sequential(Linear(3, 16), ReLU(), Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                model.train();
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(batch[0]);
                    var loss = criterion.forward(prediction, batch[1]); // SCALE003 expected
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
