using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Laptops;

internal sealed class LaptopTrainer
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly DataLoader _loader;
    private readonly optim.Optimizer _optimizer;
    private readonly Loss<Tensor, Tensor, Tensor> _criterion = MSELoss();

    public LaptopTrainer(Module<Tensor, Tensor> model, DataLoader loader, double learningRate)
    {
        _model = model;
        _loader = loader;
        _optimizer = torch.optim.Adam(model.parameters(), lr: learningRate);
    }

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            foreach (var batch in _loader)
            {
                _optimizer.zero_grad();
                var loss = _criterion.forward(_model.forward(batch["data"]), batch["label"]); // SCALE001 expected
                loss.backward();
                _optimizer.step();
            }
        }
    }
}

internal sealed class LaptopDataset : torch.utils.data.Dataset
{
    private readonly Tensor _features;
    private readonly Tensor _prices;

    public LaptopDataset(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
        var features = new float[rows.Length, 3];
        var prices = new float[rows.Length, 1];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < 3; j++)
                features[i, j] = float.Parse(rows[i][j], CultureInfo.InvariantCulture);
            prices[i, 0] = float.Parse(rows[i][3], CultureInfo.InvariantCulture);
        }
        _features = torch.tensor(features);
        _prices = torch.tensor(prices);
    }

    public override long Count => _features.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index)
        => new() { ["data"] = _features[index], ["label"] = _prices[index] };
}

internal static class Program
{
    private static void Main()
    {
        using var dataset = new LaptopDataset("Data/laptops.csv");
        using var loader = new DataLoader(dataset, 8, shuffle: true);
        var model = Sequential(Linear(3, 16), ReLU(), Linear(16, 1));
        new LaptopTrainer(model, loader, 0.005).Fit(epochs: 60);
    }
}
