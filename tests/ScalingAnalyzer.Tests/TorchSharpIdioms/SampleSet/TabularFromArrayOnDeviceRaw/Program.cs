using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ChurnRaw
{
    internal static class ApplyFunction
    {
        // As the Lightning port moves batches: any array straight to a tensor on the device.
        public static Tensor ToDevice(double[,] value, Device device) => torch.from_array(value).to(device);

        public static Tensor ToDevice(long[] value, Device device) => torch.from_array(value).to(device);
    }

    internal static class Program
    {
        private static void Main()
        {
            var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "customers.csv"));
            var features = new double[lines.Length - 1, 3];
            var churned = new long[lines.Length - 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var parts = lines[i].Split(',');
                for (var j = 0; j < 3; j++)
                    features[i - 1, j] = double.Parse(parts[j], CultureInfo.InvariantCulture);
                churned[i - 1] = long.Parse(parts[3], CultureInfo.InvariantCulture);
            }
            var x = ApplyFunction.ToDevice(features, device).to(ScalarType.Float32);
            var y = ApplyFunction.ToDevice(churned, device);

            var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 2)).to(device);
            var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
            var criterion = nn.CrossEntropyLoss();
            for (var epoch = 0; epoch < 200; epoch++)
            {
                model.train();
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
