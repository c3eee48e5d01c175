using System.Globalization;
using TorchSharp;
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

var raw = torch.from_array(table).to(ScalarType.Float32);
var mean = raw.mean(new long[] { 0 });
var std = raw.std(0);
var x = (raw - mean) / std;
var y = torch.from_array(rise).to(ScalarType.Float32);

var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1));
var optimizer = torch.optim.AdamW(model.parameters(), lr: 0.01);
var best = float.MaxValue;
var patience = 0;
for (var epoch = 0; epoch < 500 && patience < 20; epoch++)
{
    var epochLoss = 0f;
    var xBatches = x.split(3);
    var yBatches = y.split(3);
    for (var b = 0; b < xBatches.Length; b++)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.forward(xBatches[b]), yBatches[b]);
        loss.backward();
        optimizer.step();
        epochLoss += loss.item<float>();
    }
    if (epochLoss < best - 1e-4f)
    {
        best = epochLoss;
        patience = 0;
    }
    else
    {
        patience++;
    }
}
Console.WriteLine($"best {best:F4}");
