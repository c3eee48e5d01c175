using TorchSharp;
using static TorchSharp.torch;

namespace ParcelsRecords
{
    internal sealed record Parcel(float AreaM2, float DistanceKm, float Value);

    internal static class Program
    {
        private static Parcel[] Simulate(int count)
        {
            var random = new Random(11);
            var parcels = new Parcel[count];
            for (var i = 0; i < count; i++)
            {
                float area = random.Next(200, 4000);
                var distance = (float)random.NextDouble() * 30f;
                parcels[i] = new Parcel((area - 200f) / 3800f, distance / 30f, (float)random.NextDouble());
            }
            return parcels;
        }

        private static void Main()
        {
            var train = Simulate(400);
            var features = new float[train.Length, 2];
            for (var i = 0; i < train.Length; i++)
            {
                features[i, 0] = train[i].AreaM2;
                features[i, 1] = train[i].DistanceKm;
            }
            var x = torch.tensor(features);
            var y = torch.tensor(train.Select(p => p.Value).ToArray()).reshape(-1, 1);
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
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
