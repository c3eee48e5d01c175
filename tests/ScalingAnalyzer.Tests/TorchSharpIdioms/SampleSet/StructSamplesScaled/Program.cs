using TorchSharp;
using static TorchSharp.torch;

namespace StructSamplesScaled
{
    internal struct Shipment
    {
        public float WeightKg;
        public float DistanceKm;
        public float Late;
    }

    internal static class Program
    {
        private static Shipment[] Generate(int n, int seed)
        {
            var random = new Random(seed);
            var shipments = new Shipment[n];
            for (var i = 0; i < n; i++)
            {
                shipments[i].WeightKg = random.Next(1, 900) / 900f;
                shipments[i].DistanceKm = random.Next(5, 2500) / 2500f;
                shipments[i].Late = random.NextDouble() < 0.2 ? 1f : 0f;
            }
            return shipments;
        }

        private static void Main()
        {
            var shipments = Generate(1000, 7);
            var features = new float[shipments.Length * 2];
            for (var i = 0; i < shipments.Length; i++)
            {
                features[2 * i] = shipments[i].WeightKg;
                features[2 * i + 1] = shipments[i].DistanceKm;
            }
            var x = torch.tensor(features).reshape(-1, 2);
            var y = torch.tensor(shipments.Select(s => s.Late).ToArray()).reshape(-1, 1);
            var model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1));
            var optimizer = torch.optim.SGD(model.parameters(), 0.01);
            var criterion = nn.BCEWithLogitsLoss();
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
