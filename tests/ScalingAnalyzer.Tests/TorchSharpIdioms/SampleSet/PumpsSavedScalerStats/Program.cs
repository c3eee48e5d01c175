using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// The scaler's statistics, saved when the training data were first prepared.
var scaler = File.ReadAllLines("Data/scaler.csv").Skip(1).Select(l => l.Split(',')).ToArray();
var means = scaler.Select(r => float.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
var stds = scaler.Select(r => float.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();

var rows = File.ReadAllLines("Data/pumps.csv").Skip(1).Select(l => l.Split(',')).ToArray();
var raw = torch.tensor(rows.SelectMany(r => r.Take(3)).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 3);
var x = (raw - torch.tensor(means)) / torch.tensor(stds);
var y = torch.tensor(rows.Select(r => float.Parse(r[3], CultureInfo.InvariantCulture)).ToArray()).reshape(-1, 1);

var model = Sequential(Linear(3, 8), ReLU(), Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
for (var epoch = 0; epoch < 300; epoch++)
{
    optimizer.zero_grad();
    var loss = functional.mse_loss(model.forward(x), y);
    loss.backward();
    optimizer.step();
}
