using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EnergyForecast
{
    public static class Program
    {
        public static void Main()
        {
            using var reader = new EnergyReader("Data/energy.tsv", batchSize: 8);
            var model = Sequential(Linear(2, 16), ReLU(), Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                foreach (var (data, target) in reader.Data())
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(data); // SCALE001 expected
                    var loss = criterion.forward(prediction, target);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
