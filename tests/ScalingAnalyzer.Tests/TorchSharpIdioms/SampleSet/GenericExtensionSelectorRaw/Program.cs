using TorchSharp;
using static TorchSharp.torch;

namespace GenericExtension
{
    internal sealed class Flight
    {
        public float DistanceKm { get; set; }
        public float Passengers { get; set; }
        public float Delay { get; set; }
    }

    internal static class TensorConversions
    {
        public static Tensor ToColumn<T>(this IEnumerable<T> items, Func<T, float> selector)
            => torch.tensor(items.Select(selector).ToArray()).unsqueeze(1);
    }

    internal static class Program
    {
        private static void Main()
        {
            var random = new Random(17);
            var flights = new List<Flight>();
            for (var i = 0; i < 400; i++)
                flights.Add(new Flight { DistanceKm = random.Next(150, 9000), Passengers = random.Next(20, 300), Delay = (float)random.NextDouble() });

            var x = torch.cat(new[] { flights.ToColumn(f => f.DistanceKm), flights.ToColumn(f => f.Passengers) }, 1);
            var y = flights.ToColumn(f => f.Delay);
            var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
            var optimizer = torch.optim.RMSProp(model.parameters(), lr: 0.001);
            for (var epoch = 0; epoch < 150; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
