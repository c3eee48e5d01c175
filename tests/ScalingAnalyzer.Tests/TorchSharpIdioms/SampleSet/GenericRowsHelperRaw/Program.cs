using TorchSharp;
using static TorchSharp.torch;

namespace GenericRows
{
    internal sealed class Parcel
    {
        public float AreaM2 { get; init; }
        public float DistanceKm { get; init; }
        public float Value { get; init; }
    }

    internal static class Tensors
    {
        public static Tensor FromRows<T>(IReadOnlyList<T> rows, Func<T, float[]> select, int width)
        {
            var values = rows.SelectMany(select).ToArray();
            return torch.tensor(values, new long[] { rows.Count, width });
        }
    }

    internal static class Program
    {
        private static List<Parcel> Simulate(int count)
        {
            var random = new Random(42);
            var parcels = new List<Parcel>();
            for (var i = 0; i < count; i++)
            {
                var area = random.Next(200, 4000);
                var distance = (float)random.NextDouble() * 30f;
                parcels.Add(new Parcel { AreaM2 = area, DistanceKm = distance, Value = (float)random.NextDouble() });
            }
            return parcels;
        }

        private static void Main()
        {
            var parcels = Simulate(400);
            var x = Tensors.FromRows(parcels, p => new[] { p.AreaM2, p.DistanceKm }, 2);
            var y = Tensors.FromRows(parcels, p => new[] { p.Value }, 1);
            var model = nn.Linear(2, 1);
            var optimizer = torch.optim.SGD(model.parameters(), 1e-3);
            for (var epoch = 0; epoch < 100; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
