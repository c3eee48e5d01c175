using TorchSharp;
using static TorchSharp.torch;

namespace Chillers;

public sealed record TrainingData(Tensor Inputs, Tensor Targets);

public sealed class ChillerTrainer
{
    private readonly TrainingData _data;
    private readonly nn.Module<Tensor, Tensor> _model;

    public ChillerTrainer(TrainingData data, nn.Module<Tensor, Tensor> model)
    {
        _data = data;
        _model = model;
    }

    public void Fit(int epochs)
    {
        var optimizer = torch.optim.SGD(_model.parameters(), 0.001);
        var criterion = nn.MSELoss();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.zero_grad();
            var output = _model.forward(_data.Inputs); // SCALE001 expected
            var loss = criterion.forward(output, _data.Targets);
            loss.backward();
            optimizer.step();
        }
    }
}

public static class Program
{
    private static TrainingData Generate(int count)
    {
        var loadKw = torch.rand(count, 1) * 400f + 100f;
        var outsideC = torch.rand(count, 1) * 30f + 5f;
        var cop = 6f - outsideC / 10f;
        return new TrainingData(torch.cat(new[] { loadKw, outsideC }, 1), cop / 6f);
    }

    public static void Main()
    {
        var data = Generate(300);
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1));
        new ChillerTrainer(data, model).Fit(150);
    }
}
