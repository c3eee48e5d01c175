using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var text = File.ReadAllLines(Path.Combine("Data", "generators.csv"));
var table = new double[text.Length - 1, 4];
var rise = new double[text.Length - 1, 1];
for (var i = 1; i < text.Length; i++)
{
    var f = text[i].Split(',');
    for (var j = 0; j < 4; j++)
        table[i - 1, j] = double.Parse(f[j], CultureInfo.InvariantCulture);
    rise[i - 1, 0] = double.Parse(f[4], CultureInfo.InvariantCulture);
}

var x = torch.from_array(table).to(ScalarType.Float32);
var y = torch.from_array(rise).to(ScalarType.Float32);
var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1));
var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);

var rows = x.shape[0];
const long batch = 3;
for (var epoch = 0; epoch < 100; epoch++)
{
    for (long start = 0; start < rows; start += batch)
    {
        var length = Math.Min(batch, rows - start);
        TrainOn(model, optimizer, x.narrow(0, start, length), y.narrow(0, start, length)); // SCALE001 expected
    }
}

static float TrainOn(Sequential model, SGD optimizer, Tensor inputs, Tensor targets)
{
    using var scope = torch.NewDisposeScope();
    optimizer.zero_grad();
    var loss = nn.functional.mse_loss(model.forward(inputs), targets);
    loss.backward();
    optimizer.step();
    return loss.item<float>();
}
