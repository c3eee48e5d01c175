using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbesUnit
{
    internal static class ProbeFile
    {
        public static (float[,] Inputs, float[] Targets) Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var inputs = new float[lines.Length - 1, 4];
            var targets = new float[lines.Length - 1];
            for (var i = 1; i < lines.Length; i++)
            {
                var row = lines[i].Split(',');
                for (var j = 0; j < 4; j++)
                    inputs[i - 1, j] = float.Parse(row[j], CultureInfo.InvariantCulture);
                targets[i - 1] = float.Parse(row[4], CultureInfo.InvariantCulture);
            }
            return (inputs, targets);
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var (inputs, targets) = ProbeFile.Read(Path.Combine(AppContext.BaseDirectory, "Data", "probes.csv"));
            var x = torch.from_array(inputs).view(-1, 4);
            var y = torch.from_array(targets).view(-1, 1);
            var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.05);
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
