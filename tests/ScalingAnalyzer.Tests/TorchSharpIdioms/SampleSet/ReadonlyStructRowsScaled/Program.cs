using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace PlantsStruct
{
    internal readonly struct Plant
    {
        public Plant(float height, float leafArea, float yieldShare)
        {
            Height = height;
            LeafArea = leafArea;
            Yield = yieldShare;
        }

        public float Height { get; }
        public float LeafArea { get; }
        public float Yield { get; }
    }

    internal static class Program
    {
        private static void Main()
        {
            var plants = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "plants.csv"))
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(p => new Plant(
                    float.Parse(p[0], CultureInfo.InvariantCulture) / 1000f,
                    float.Parse(p[1], CultureInfo.InvariantCulture) / 1000f,
                    float.Parse(p[2], CultureInfo.InvariantCulture)))
                .ToArray();
            var table = new float[plants.Length, 2];
            for (var i = 0; i < plants.Length; i++)
            {
                table[i, 0] = plants[i].Height;
                table[i, 1] = plants[i].LeafArea;
            }
            var x = torch.from_array(table);
            var y = torch.tensor(plants.Select(p => p.Yield).ToArray()).unsqueeze(1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 0.05);
            for (var epoch = 0; epoch < 200; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
