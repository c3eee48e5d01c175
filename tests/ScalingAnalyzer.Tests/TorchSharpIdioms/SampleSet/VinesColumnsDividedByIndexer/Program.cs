using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var rows = File.ReadAllLines("Data/vineyard.csv").Skip(1).Select(l => l.Split(',')).ToArray();
var x = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
var y = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

// Each column divided by its largest possible value.
x[.., 0] = x[.., 0] / 3000f;
x[.., 1] = x[.., 1] / 1000f;
x[.., 2] = x[.., 2] / 1000f;

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
