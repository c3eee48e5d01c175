using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace InsuranceStandardized
{
    internal sealed class Policy
    {
        public float Age { get; init; }
        public float Bmi { get; init; }
        public float Children { get; init; }
        public float Charges { get; init; }
    }

    internal static class Program
    {
        private static float[] Standardize(float[] values)
        {
            var mean = values.Average();
            var std = (float)Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Sum() / values.Length);
            return values.Select(v => (v - mean) / std).ToArray();
        }

        private static void Main()
        {
            var policies = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "insurance.csv"))
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(p => new Policy
                {
                    Age = float.Parse(p[0], CultureInfo.InvariantCulture),
                    Bmi = float.Parse(p[1], CultureInfo.InvariantCulture),
                    Children = float.Parse(p[2], CultureInfo.InvariantCulture),
                    Charges = float.Parse(p[3], CultureInfo.InvariantCulture),
                })
                .ToList();
            var age = Standardize(policies.Select(p => p.Age).ToArray());
            var bmi = Standardize(policies.Select(p => p.Bmi).ToArray());
            var children = Standardize(policies.Select(p => p.Children).ToArray());
            var x = torch.stack(new[] { torch.tensor(age), torch.tensor(bmi), torch.tensor(children) }, 1);
            var y = torch.tensor(policies.Select(p => p.Charges).ToArray()).unsqueeze(1);
            var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
            for (var epoch = 0; epoch < 300; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
