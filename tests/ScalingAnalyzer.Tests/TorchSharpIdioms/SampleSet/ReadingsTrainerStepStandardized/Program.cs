using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PumpTrainerScaled
{
    /// <summary>A small trainer in the style of Lightning ports: the step computes the loss, Fit does the rest.</summary>
    internal sealed class PumpTrainer
    {
        private readonly Module<Tensor, Tensor> _model;
        private readonly torch.optim.Optimizer _optimizer;

        public PumpTrainer(Module<Tensor, Tensor> model, double learningRate)
        {
            _model = model;
            _optimizer = torch.optim.Adam(model.parameters(), lr: learningRate);
        }

        private Tensor TrainingStep(Tensor features, Tensor target)
        {
            var prediction = _model.forward(features);
            return functional.mse_loss(prediction, target);
        }

        public void Fit(Tensor features, Tensor target, int epochs)
        {
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                _model.train();
                _optimizer.zero_grad();
                var loss = TrainingStep(features, target);
                loss.backward();
                _optimizer.step();
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var features = new List<float>();
            var efficiency = new List<float>();
            foreach (var line in File.ReadLines("Data/readings.csv").Skip(1))
            {
                var parts = line.Split(',');
                features.AddRange(parts.Take(3).Select(p => float.Parse(p, CultureInfo.InvariantCulture)));
                efficiency.Add(float.Parse(parts[3], CultureInfo.InvariantCulture));
            }
            var raw = torch.tensor(features.ToArray()).reshape(-1, 3);
            var x = (raw - raw.mean(new long[] { 0 }, keepdim: true)) / raw.std(0, keepdim: true);
            var y = torch.tensor(efficiency.ToArray()).reshape(-1, 1);
            var trainer = new PumpTrainer(Sequential(Linear(3, 16), ReLU(), Linear(16, 1)), 1e-3);
            trainer.Fit(x, y, 300);
        }
    }
}
