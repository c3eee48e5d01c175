using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Calibration
{
    internal static class Program
    {
        private static void Main()
        {
            var temperatures = new List<double>();
            var resistances = new List<double>();
            using (var reader = new StreamReader("Data/pt100.csv"))
            {
                var header = reader.ReadLine();
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    var values = line.Split(';');
                    temperatures.Add(double.Parse(values[0], CultureInfo.InvariantCulture));
                    resistances.Add(double.Parse(values[1], CultureInfo.InvariantCulture) / 100.0);
                }
            }
            var t = torch.tensor(temperatures.ToArray(), dtype: ScalarType.Float32).unsqueeze(-1);
            var r = torch.tensor(resistances.ToArray(), dtype: ScalarType.Float32).unsqueeze(-1);
            var model = Sequential(Linear(1, 8), Tanh(), Linear(8, 1));
            var optimizer = torch.optim.LBFGS(model.parameters(), lr: 0.1);
            var criterion = MSELoss();
            for (var i = 0; i < 30; i++)
            {
                optimizer.step(() =>
                {
                    optimizer.zero_grad();
                    var loss = criterion.forward(model.forward(t), r); // SCALE001 expected
                    loss.backward();
                    return loss;
                });
            }
        }
    }
}
