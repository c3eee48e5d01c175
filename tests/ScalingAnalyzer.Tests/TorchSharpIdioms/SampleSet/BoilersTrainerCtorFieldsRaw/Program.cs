using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var lines = File.ReadAllLines(Path.Combine("Data", "boilers.csv")).Skip(1).ToArray();
var features = new float[lines.Length, 3];
var output = new float[lines.Length, 1];
for (var i = 0; i < lines.Length; i++)
{
    var fields = lines[i].Split(',');
    features[i, 0] = float.Parse(fields[0], CultureInfo.InvariantCulture);
    features[i, 1] = float.Parse(fields[1], CultureInfo.InvariantCulture);
    features[i, 2] = float.Parse(fields[2], CultureInfo.InvariantCulture);
    output[i, 0] = float.Parse(fields[3], CultureInfo.InvariantCulture) / 1000f;
}

var model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1));
var trainer = new Trainer(model, torch.tensor(features), torch.tensor(output));
trainer.Fit(250);
Console.WriteLine($"final loss {trainer.LastLoss:F4}");

internal sealed class Trainer
{
    private readonly Sequential _model;
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly SGD _optimizer;

    public Trainer(Sequential model, Tensor x, Tensor y)
    {
        _model = model;
        _x = x;
        _y = y;
        _optimizer = torch.optim.SGD(model.parameters(), 0.01);
    }

    public float LastLoss { get; private set; }

    public void Fit(int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            _optimizer.zero_grad();
            var prediction = _model.forward(_x); // SCALE001 expected
            var loss = nn.functional.mse_loss(prediction, _y);
            loss.backward();
            _optimizer.step();
            LastLoss = loss.item<float>();
        }
    }
}
