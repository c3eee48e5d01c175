using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var rows = File.ReadAllLines("Data/readings.csv").Skip(1).Select(line => line.Split(',')).ToArray();
var a = rows.Select(r => float.Parse(r[0], CultureInfo.InvariantCulture)).ToArray();
var b = rows.Select(r => float.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
var t = rows.Select(r => float.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
var x = torch.stack(new[] { torch.tensor(a), torch.tensor(b) }, 1);
var y = torch.tensor(t).reshape(-1, 1);
var model = Sequential(Linear(2, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 100; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
