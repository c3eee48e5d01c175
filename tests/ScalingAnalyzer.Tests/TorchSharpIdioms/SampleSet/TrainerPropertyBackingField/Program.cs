using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GreenhouseTrainer
{
    internal sealed class GrowthTrainer
    {
        private Tensor? _inputs;
        private Tensor? _growth;
        private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));

        public Tensor Inputs
        {
            get => _inputs ?? throw new InvalidOperationException("Load the data first.");
            private set => _inputs = value;
        }

        public Tensor Growth
        {
            get => _growth ?? throw new InvalidOperationException("Load the data first.");
            private set => _growth = value;
        }

        public void Load(string path)
        {
            var lines = File.ReadAllLines(path);
            var inputs = new float[lines.Length - 1, 2];
            var growth = new float[lines.Length - 1, 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var p = lines[i].Split(',');
                inputs[i - 1, 0] = float.Parse(p[0], CultureInfo.InvariantCulture);
                inputs[i - 1, 1] = float.Parse(p[1], CultureInfo.InvariantCulture);
                growth[i - 1, 0] = float.Parse(p[2], CultureInfo.InvariantCulture);
            }
            Inputs = torch.tensor(inputs);
            Growth = torch.tensor(growth);
        }

        public void Train(int epochs)
        {
            var optimizer = torch.optim.Adam(_model.parameters(), lr: 0.005);
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(_model.forward(Inputs), Growth); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var trainer = new GrowthTrainer();
            trainer.Load(Path.Combine(AppContext.BaseDirectory, "Data", "greenhouse.csv"));
            trainer.Train(300);
        }
    }
}
