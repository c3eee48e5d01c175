using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WeatherScaled
{
    /// <summary>Pressure, humidity and wind predict the temperature; the features are min-max scaled as the dataset is made.</summary>
    internal sealed class WeatherDataset : torch.utils.data.Dataset
    {
        private readonly Tensor _features;
        private readonly Tensor _temperature;

        public WeatherDataset(string path)
        {
            var values = new List<float>();
            var targets = new List<float>();
            using var reader = new StreamReader(path);
            reader.ReadLine();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var parts = line.Split(',');
                for (var j = 0; j < 3; j++)
                    values.Add(float.Parse(parts[j], CultureInfo.InvariantCulture));
                targets.Add(float.Parse(parts[3], CultureInfo.InvariantCulture) / 40f);
            }
            var raw = torch.tensor(values.ToArray()).reshape(-1, 3);
            var (min, _) = raw.min(0, keepdim: true);
            var (max, _) = raw.max(0, keepdim: true);
            _features = (raw - min) / (max - min);
            _temperature = torch.tensor(targets.ToArray()).reshape(-1, 1);
        }

        public override long Count => _features.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index)
            => new() { ["features"] = _features[index], ["temperature"] = _temperature[index] };
    }

    internal sealed class Regressor : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> _layers = Sequential(Linear(3, 16), ReLU(), Linear(16, 1));

        public Regressor() : base(nameof(Regressor)) => RegisterComponents();

        public override Tensor forward(Tensor input) => _layers.forward(input);
    }

    internal static class Program
    {
        private static void Main()
        {
            using var dataset = new WeatherDataset("Data/weather.csv");
            using var loader = torch.utils.data.DataLoader(dataset, 8, shuffle: true);
            var model = new Regressor();
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
            for (var epoch = 0; epoch < 50; epoch++)
            {
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    var prediction = model.forward(batch["features"]);
                    var loss = functional.mse_loss(prediction, batch["temperature"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
