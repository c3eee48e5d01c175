using TorchSharp;
using static TorchSharp.torch;

namespace Housing;

public static class Program
{
    public static void Main()
    {
        IHousingSource source = new CsvHousingSource("Data/houses.csv");
        var trainer = new PriceTrainer(epochs: 300);
        trainer.Fit(source);
    }
}

public sealed class PriceTrainer
{
    private readonly int _epochs;

    public PriceTrainer(int epochs) => _epochs = epochs;

    public void Fit(IHousingSource source)
    {
        var (features, prices) = source.Load();
        var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        for (var epoch = 0; epoch < _epochs; epoch++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(features), prices); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
