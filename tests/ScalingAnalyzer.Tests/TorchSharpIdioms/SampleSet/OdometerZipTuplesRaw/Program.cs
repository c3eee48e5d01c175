using TorchSharp;
using static TorchSharp.torch;

namespace OdometerTuples;

internal static class Program
{
    private static void Main()
    {
        var years = new[] { 2005f, 2009f, 2012f, 2014f, 2017f, 2019f, 2020f, 2022f };
        var kilometres = new[] { 190_000f, 160_000f, 130_000f, 110_000f, 70_000f, 52_000f, 40_000f, 15_000f };
        var prices = new[] { 0.1f, 0.16f, 0.24f, 0.3f, 0.45f, 0.58f, 0.66f, 0.85f };

        var rows = years.Zip(kilometres).Select(pair => new[] { pair.First, pair.Second }).ToArray();
        var x = torch.tensor(rows.SelectMany(r => r).ToArray()).reshape(-1, 2);
        var y = torch.tensor(prices).reshape(-1, 1);

        var model = nn.Linear(2, 1);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < 500; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
