using TorchSharp;
using static TorchSharp.torch;

namespace Odometer;

internal static class Program
{
    private static readonly int[] ModelYears = { 2004, 2008, 2011, 2013, 2015, 2016, 2018, 2019, 2021, 2023 };
    private static readonly int[] Kilometres = { 210_000, 175_000, 150_500, 120_000, 98_000, 87_500, 60_000, 45_200, 22_000, 8_000 };
    private static readonly float[] Values = { 0.12f, 0.18f, 0.25f, 0.31f, 0.38f, 0.42f, 0.55f, 0.61f, 0.78f, 0.93f };

    private static void Main()
    {
        var pairs = ModelYears.Zip(Kilometres, (year, km) => new[] { year, km }).SelectMany(p => p).ToArray();
        var x = torch.tensor(pairs).to_type(ScalarType.Float32).view(-1, 2);
        var y = torch.tensor(Values).view(-1, 1);

        var model = nn.Linear(2, 1);
        var optimizer = torch.optim.SGD(model.parameters(), 1e-4);
        var loss = nn.MSELoss();
        for (var step = 0; step < 1000; step++)
        {
            optimizer.zero_grad();
            var l = loss.forward(model.forward(x), y); // SCALE001 expected
            l.backward();
            optimizer.step();
        }
    }
}
