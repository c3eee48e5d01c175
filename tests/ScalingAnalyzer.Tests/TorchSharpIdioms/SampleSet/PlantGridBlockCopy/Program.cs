using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pumps
{
    public static class PlantData
    {
        public static (float[,] Features, float[] Efficiency) Load(string path)
        {
            var rows = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')).ToArray();
            var flat = rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var features = new float[rows.Length, 3];
            Buffer.BlockCopy(flat, 0, features, 0, flat.Length * sizeof(float));
            var efficiency = rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
            return (features, efficiency);
        }
    }

    public static class Program
    {
        public static void Main()
        {
            var (features, efficiency) = PlantData.Load("Data/plant.csv");
            var x = torch.tensor(features);
            var y = torch.tensor(efficiency).unsqueeze(1);
            var model = Sequential(Linear(3, 16), ReLU(), Linear(16, 1), Sigmoid());
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);
            var criterion = MSELoss();
            for (var epoch = 0; epoch < 1000; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
